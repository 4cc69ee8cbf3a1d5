/** Seconds to wait, from a body's retry_after or a Retry-After header (seconds or an HTTP date). */
export function parseRetryAfter(bodyValue: unknown, header: string | undefined, now: number): number | undefined {
  if (typeof bodyValue === 'number' && Number.isFinite(bodyValue) && bodyValue >= 0) return Math.ceil(bodyValue);
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
