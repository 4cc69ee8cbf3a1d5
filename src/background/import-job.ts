import { markInterrupted, type HistoryEntry } from '../core/history.ts';
import type { ImportStatus, RequestMessage, RequestReply } from '../core/protocol.ts';
import { checkImportEntries, MAX_IMPORT_BYTES, readImportFile } from '../core/share/export-json.ts';
import type { FileRead } from '../platform/import-file-url.ts';
import type { ImportCounts } from '../core/history-store.ts';
import type { WorkerDeps } from './deps.ts';

/**
 * Imports an export file that a view hands over as an object URL. The worker trusts no message: it reads the
 * file and checks every entry (src/core/share/export-json.ts) before it stores any, so a refused file stores
 * nothing. Then it stores a chunk a transaction: a stored id is skipped and counted, never overwritten, and
 * nothing is evicted (an entry beyond the history limit is counted instead). A pending entry from a file can
 * never settle here, so it comes in as interrupted. Views follow a job through `status` and may cancel it.
 */
export const CHECK_CHUNK = 5_000;
export const STORE_CHUNK = 10_000;
/** How long a finished job's status is kept for its view to read. */
export const KEEP_FINISHED_MS = 60_000;
/** Files being read or stored at once; more is not views importing files. */
const MAX_JOBS = 4;

type Deps = Pick<WorkerDeps, 'history' | 'announce' | 'ready' | 'loadSettings' | 'now'>;

interface Job {
  url: string;
  cancel: boolean;
  status: ImportStatus;
}

const fresh = (): ImportStatus => ({ phase: 'reading', done: 0, total: 0, imported: 0, present: 0, overLimit: 0 });
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `readFile` reads the object URL, refusing one not of this extension or a file beyond `maxBytes`. */
export function createImportJobs(
  deps: Deps,
  readFile: (url: string, maxBytes: number) => Promise<FileRead>,
  schedule: (run: () => void, ms: number) => void = setTimeout,
) {
  const jobs = new Map<string, Job>();
  // One file at a time: two at once would each read the stored ids before the other wrote.
  let queue = Promise.resolve();

  async function run(job: Job): Promise<void> {
    const status = job.status;
    try {
      await deps.ready;
      const file = await readFile(job.url, MAX_IMPORT_BYTES);
      if (!file.ok) return void (status.refused = file.reason);
      const read = readImportFile(file.text);
      if (!read.ok) return void (status.refused = read.reason);
      status.total = read.rawEntries.length;
      status.phase = 'checking';
      const checked = await checkAll(job, read.rawEntries);
      if (checked === undefined) return;
      status.phase = 'storing';
      status.done = 0;
      await storeAll(job, checked);
    } catch (error) {
      status.failed = `Import failed while storing: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      status.phase = 'done';
      if (status.imported > 0) deps.announce();
    }
  }

  /** Every entry, a chunk at a time (status polls are answered between chunks); undefined: refused or cancelled. */
  async function checkAll(job: Job, raw: readonly unknown[]): Promise<HistoryEntry[] | undefined> {
    const now = deps.now();
    const checked: HistoryEntry[] = [];
    for (let start = 0; start < raw.length; start += CHECK_CHUNK) {
      if (job.cancel) return void (job.status.cancelledWhile = 'checking');
      const part = checkImportEntries(raw.slice(start, start + CHECK_CHUNK), start, now);
      if (!part.ok) return void (job.status.refused = part.reason);
      for (const entry of part.entries) checked.push(entry.state === 'pending' ? markInterrupted(entry) : entry);
      job.status.done = checked.length;
      await yieldToEvents();
    }
    return checked;
  }

  /** Two chunks in flight: the next one's pages are serialised while the one before is committed. */
  async function storeAll(job: Job, checked: readonly HistoryEntry[]): Promise<void> {
    const status = job.status;
    const cap = (await deps.loadSettings()).historyCap;
    const inFlight: Array<Promise<void>> = [];
    let failure: { error: unknown } | undefined;
    const landed = (size: number, counts: ImportCounts) => {
      status.imported += counts.added;
      status.present += counts.present;
      status.overLimit += counts.overLimit;
      status.done += size;
    };
    for (let start = 0; start < checked.length; start += STORE_CHUNK) {
      // Set by a chunk's callback while this loop awaits the one before it.
      if (failure) break;
      if (job.cancel) {
        status.cancelledWhile = 'storing';
        break;
      }
      const chunk = checked.slice(start, start + STORE_CHUNK);
      inFlight.push(
        deps.history.addImported(chunk, cap).then(
          (counts) => landed(chunk.length, counts),
          (error: unknown) => void (failure ??= { error }),
        ),
      );
      if (inFlight.length >= 2) await inFlight.shift();
    }
    // What was sent is counted, even when a chunk after it failed.
    await Promise.all(inFlight);
    if (failure) throw failure.error;
  }

  return {
    start({ job: id, url }: RequestMessage<'history.import'>): RequestReply<'history.import'> {
      if (jobs.has(id)) return { ok: false, message: 'This file was sent already.' };
      const active = [...jobs.values()].filter((other) => other.status.phase !== 'done').length;
      if (active >= MAX_JOBS) return { ok: false, message: 'Too many imports are running at once.' };
      const job: Job = { url, cancel: false, status: fresh() };
      jobs.set(id, job);
      queue = queue.then(() => run(job)).finally(() => schedule(() => jobs.delete(id), KEEP_FINISHED_MS));
      return { ok: true };
    },

    status({ job: id, cancel }: RequestMessage<'history.importStatus'>): RequestReply<'history.importStatus'> {
      const job = jobs.get(id);
      if (!job) return { ...fresh(), phase: 'unknown' };
      if (cancel) job.cancel = true;
      return { ...job.status };
    },
  };
}
