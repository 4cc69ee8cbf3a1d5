import type { Ask, ImportStatus } from '../core/protocol.ts';
import { WORKER_GONE, type ImportOptions } from '../ui/client.ts';

/** How often a view asks the worker where its import is. */
export const IMPORT_POLL_MS = 150;

/** Pieces of at most `size` characters, never splitting a surrogate pair (a lone half would not survive JSON). */
export function piecesOf(text: string, size: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  do {
    let end = Math.min(start + size, text.length);
    const before = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && before >= 0xd800 && before <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  } while (start < text.length);
  return pieces;
}

const gone = (last: ImportStatus | undefined): ImportStatus => ({
  ...(last ?? { done: 0, total: 0, imported: 0, present: 0, overLimit: 0 }),
  phase: 'done',
  failed: WORKER_GONE,
});

/**
 * Sends an export file's text to the worker a piece at a time, then follows the worker's job until it is done.
 * Cancel is passed on with the next poll; the reply that ends the job says what was stored.
 */
export async function sendImport(
  ask: Ask,
  text: string,
  pieceSize: number,
  { onProgress, signal }: ImportOptions = {},
  wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
): Promise<ImportStatus> {
  const job = crypto.randomUUID();
  const pieces = piecesOf(text, pieceSize);
  for (const [index, piece] of pieces.entries()) {
    const reply = await ask('history.import', { job, piece, last: index === pieces.length - 1 });
    if (!reply) return gone(undefined);
    if (!reply.ok)
      return { ...gone(undefined), failed: undefined, refused: reply.message ?? 'The worker refused the file.' };
  }
  let last: ImportStatus | undefined;
  let cancelSent = false;
  for (;;) {
    await wait(IMPORT_POLL_MS);
    const cancel: boolean = signal?.aborted === true && !cancelSent;
    const status = await ask('history.importStatus', cancel ? { job, cancel } : { job });
    cancelSent ||= cancel;
    if (!status || status.phase === 'unknown') return gone(last);
    last = status;
    onProgress?.(status);
    if (status.phase === 'done') return status;
  }
}
