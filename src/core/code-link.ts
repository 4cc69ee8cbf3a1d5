/** The panel page's hash that opens the Codes view at one code (kept apart so the popup need not load routing). */
export function codeLookupHash(code: number): string {
  return `#view=codes&code=${code}`;
}
