import { markInterrupted, type HistoryEntry } from '../core/history.ts';
import type { ImportHistoryReply } from '../core/protocol.ts';
import { checkImportedEntry } from '../core/share/import-rules.ts';
import type { WorkerDeps } from './deps.ts';

/**
 * Stores one chunk of entries from an export file. The view checked the file, but the worker trusts no
 * message: every entry passes the import rules again (a refusal stores nothing of the chunk). Entries are
 * added in one transaction: a stored id is skipped and counted, never overwritten, and nothing is evicted
 * (an entry beyond the history limit is counted instead), so an import cannot push out the operator's own
 * history. A pending entry from a file can never settle here, so it comes in as interrupted.
 */
/**
 * A view importing a file says which chunk is its last; if none comes (the view closed), views hear this long
 * after the last chunk was stored. The wait stops while a chunk is being checked and stored: counted from the
 * first chunk, it ran out in the middle of slow imports, and each announcement makes every view re-read its
 * whole index, which slowed the storing of the chunks after it.
 */
export const IMPORT_ANNOUNCE_DELAY_MS = 2_000;
let announceTimer: ReturnType<typeof setTimeout> | undefined;
/** Entries were stored that no view has heard of yet. */
let owed = false;
/** Chunks being checked and stored now: a view sends the next one before the last one's reply. */
let storing = 0;

/** A chunk arrived: no announcement while it is checked and stored. */
function holdAnnouncement(): void {
  storing += 1;
  clearTimeout(announceTimer);
  announceTimer = undefined;
}

/** Every view re-reads its whole index on an announcement, so an import announces once, after its last chunk. */
function announceImported(announce: () => void, added: boolean, last: boolean | undefined): void {
  storing -= 1;
  owed ||= added;
  if (!owed) return;
  const now = () => {
    clearTimeout(announceTimer);
    announceTimer = undefined;
    owed = false;
    announce();
  };
  if (last !== false) now();
  else if (storing === 0) announceTimer = setTimeout(now, IMPORT_ANNOUNCE_DELAY_MS);
}

export async function importHistory(
  entries: HistoryEntry[],
  deps: Pick<WorkerDeps, 'history' | 'announce' | 'ready' | 'loadSettings' | 'now'>,
  /** False while more chunks of the same file follow; absent for a lone chunk. */
  last?: boolean,
): Promise<ImportHistoryReply> {
  holdAnnouncement();
  await deps.ready;
  const now = deps.now();
  const checked: HistoryEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    const result = checkImportedEntry(entry, now);
    if (!result.ok) {
      announceImported(deps.announce, false, true);
      return { ok: false, imported: 0, message: `Import refused: entry ${index + 1} of this part: ${result.reason}.` };
    }
    checked.push(result.entry.state === 'pending' ? markInterrupted(result.entry) : result.entry);
  }
  try {
    const counts = await deps.history.addImported(checked, (await deps.loadSettings()).historyCap);
    announceImported(deps.announce, counts.added > 0, last);
    return { ok: true, imported: counts.added, present: counts.present, overLimit: counts.overLimit };
  } catch (error) {
    announceImported(deps.announce, false, true);
    return {
      ok: false,
      imported: 0,
      message: `Import failed while storing: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
