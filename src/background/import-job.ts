import { markInterrupted, type HistoryEntry } from '../core/history.ts';
import type { ImportStatus, RequestMessage, RequestReply } from '../core/protocol.ts';
import { checkImportEntries, MAX_IMPORT_BYTES, readImportFile } from '../core/share/export-json.ts';
import type { FileRead } from '../platform/import-file-url.ts';
import type { StagedImport } from '../core/history-store.ts';
import type { WorkerDeps } from './deps.ts';

/**
 * Imports an export file that a view hands over as an object URL. The worker trusts no message: it reads the
 * file and checks every entry (src/core/share/export-json.ts) before it stores any, so a refused file stores
 * nothing: each checked chunk is staged where no read finds it, and the whole file is committed at the end
 * (src/platform/history-import-pages.ts). A stored id is skipped and counted, never overwritten, and nothing is
 * evicted (an entry beyond the history limit is counted instead). A pending entry from a file can
 * never settle here, so it comes in as interrupted. Views follow a job through `status` and may cancel it.
 */
export const CHECK_CHUNK = 10_000;
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
      const staged = await checkAndStage(job, read.rawEntries);
      if (staged === undefined) return;
      status.phase = 'storing';
      const counts = await deps.history.commitImported(staged, (await deps.loadSettings()).historyCap);
      status.imported = counts.added;
      status.present = counts.present;
      status.overLimit = counts.overLimit;
    } catch (error) {
      status.failed = `Import failed while storing: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      status.phase = 'done';
      if (status.imported > 0) deps.announce();
    }
  }

  /**
   * Checks the entries a chunk at a time, and stages each checked chunk while the next is checked (the
   * database writes it meanwhile). Undefined, with nothing kept, when an entry is refused or Cancel is pressed.
   */
  async function checkAndStage(job: Job, raw: readonly unknown[]): Promise<StagedImport[] | undefined> {
    const now = deps.now();
    const staging: Array<Promise<StagedImport | undefined>> = [];
    let failure: { error: unknown } | undefined;
    const stage = (entries: HistoryEntry[]) =>
      deps.history.stageImported(entries).catch((error: unknown) => {
        failure ??= { error };
        return undefined;
      });
    let stopped = false;
    for (let start = 0; start < raw.length; start += CHECK_CHUNK) {
      if (job.cancel) {
        job.status.cancelled = true;
        stopped = true;
        break;
      }
      const part = checkImportEntries(raw.slice(start, start + CHECK_CHUNK), start, now);
      if (!part.ok) {
        job.status.refused = part.reason;
        stopped = true;
        break;
      }
      staging.push(stage(part.entries.map((entry) => (entry.state === 'pending' ? markInterrupted(entry) : entry))));
      job.status.done = start + part.entries.length;
      // One chunk ahead at most; then a turn for status polls and Cancel.
      if (staging.length >= 2) await staging.at(-2);
      await yieldToEvents();
    }
    const staged = (await Promise.all(staging)).filter((chunk) => chunk !== undefined);
    // A Cancel that came while the last chunks were written still counts: nothing is committed yet.
    if (!stopped && job.cancel) {
      job.status.cancelled = true;
      stopped = true;
    }
    if (stopped || failure) {
      await deps.history.discardImported(staged);
      if (failure) throw failure.error;
      return undefined;
    }
    return staged;
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
