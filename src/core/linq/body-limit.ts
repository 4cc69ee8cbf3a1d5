/** How much of a response body is kept: enough to read an error page, never megabytes. */
export const BODY_PREVIEW_MAX = 16 * 1024;
