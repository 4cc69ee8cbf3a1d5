/** README screenshots are taken only on request (E2E_SCREENSHOTS=1), so normal runs write nothing. */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1';
