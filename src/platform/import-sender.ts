import type { Ask, ImportStatus } from '../core/protocol.ts';
import { WORKER_GONE, type ImportOptions } from '../ui/client.ts';

/** How often a view asks the worker where its import is. */
export const IMPORT_POLL_MS = 150;

export interface ObjectUrls {
  create(file: Blob): string;
  revoke(url: string): void;
}

const browserUrls: ObjectUrls = {
  create: (file) => URL.createObjectURL(file),
  revoke: (url) => URL.revokeObjectURL(url),
};

const ended = (last: ImportStatus | undefined, outcome: Partial<ImportStatus>): ImportStatus => ({
  ...(last ?? { done: 0, total: 0, imported: 0, present: 0, overLimit: 0 }),
  phase: 'done',
  ...outcome,
});

/**
 * Hands the operator's file to the worker as an object URL, then follows the worker's job until it is done.
 * Cancel is passed on with the next poll; the reply that ends the job says what was stored. The URL lives
 * only as long as the job.
 */
export async function sendImport(
  ask: Ask,
  file: Blob,
  { onProgress, signal }: ImportOptions = {},
  wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  urls: ObjectUrls = browserUrls,
): Promise<ImportStatus> {
  const job = crypto.randomUUID();
  const url = urls.create(file);
  try {
    const reply = await ask('history.import', { job, url });
    if (!reply) return ended(undefined, { failed: WORKER_GONE });
    if (!reply.ok) return ended(undefined, { refused: reply.message ?? 'The worker refused the file.' });
    let last: ImportStatus | undefined;
    let cancelSent = false;
    for (;;) {
      await wait(IMPORT_POLL_MS);
      const cancel: boolean = signal?.aborted === true && !cancelSent;
      const status = await ask('history.importStatus', cancel ? { job, cancel } : { job });
      cancelSent ||= cancel;
      if (!status || status.phase === 'unknown') return ended(last, { failed: WORKER_GONE });
      last = status;
      onProgress?.(status);
      if (status.phase === 'done') return status;
    }
  } finally {
    urls.revoke(url);
  }
}
