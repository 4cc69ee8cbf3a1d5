/**
 * Dates from stored or imported entries are data, not trusted numbers: `new Date(9e15).toISOString()` throws,
 * and one throw while rendering blanked a whole view. These never throw.
 */
export const INVALID_TIME = 'invalid time';

/** The instant as ISO 8601, or undefined when the number is not a representable date. */
export function isoTime(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** ISO 8601, or the visible placeholder. */
export function isoTimeText(ms: number): string {
  return isoTime(ms) ?? INVALID_TIME;
}
