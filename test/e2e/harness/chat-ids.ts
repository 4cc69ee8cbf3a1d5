import { randomUUID } from 'node:crypto';

/**
 * The mock's scenarios are chosen by chat ID (test/mock-linq). Any other UUID gets a 204.
 */
/** `00000000-0000-4000-8000-00000000CCCC`: the documented Linq error CCCC. */
export function linqErrorChat(code: number): string {
  return `00000000-0000-4000-8000-${String(code).padStart(12, '0')}`;
}

/** `00000000-0000-4000-9000-0000000000NN`: the special scenarios. */
export const SPECIAL = {
  html502: special(1),
  dropped: special(2),
  hang: special(3),
  slow: special(4),
  empty500: special(5),
  truncatedJson: special(6),
  undocumented2999: special(7),
  headerTraceOnly: special(8),
  unexpectedBody200: special(9),
  always401: special(10),
} as const;

function special(n: number): string {
  return `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
}

/** A fresh UUID that the mock answers with 204. */
export function okChat(): string {
  return randomUUID();
}
