import * as z from 'zod/mini';
import { HistoryEntrySchema, type HistoryEntry } from '../history.ts';
import { checkImportedEntry, shownId } from './import-rules.ts';
import { MAX_IMPORT_ENTRIES } from './import-limits.ts';

export { MAX_IMPORT_BYTES, MAX_IMPORT_ENTRIES, MAX_IMPORT_TEXT } from './import-limits.ts';

/** The history export file: versioned, so a later version can still read today's files. */
export const EXPORT_FORMAT = 'linq-typing-inspector.history';
export const EXPORT_VERSION = 1;

export const HistoryExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  extensionVersion: z.string(),
  entries: z.array(HistoryEntrySchema),
});
export type HistoryExport = z.infer<typeof HistoryExportSchema>;

export function exportHistoryJson(entries: readonly HistoryEntry[], extensionVersion: string, now: number): string {
  const file: HistoryExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    extensionVersion,
    entries: [...entries],
  };
  // One entry a line: indented, a 100,000-entry export took 148 MB (1.48 KB an entry), 45% of it indentation;
  // like this it takes about 101 MB, well within the import limit, and each entry is still one line to read.
  const { entries: _entries, ...envelope } = file;
  const head = JSON.stringify(envelope).slice(0, -1);
  const lines = file.entries.map((entry) => JSON.stringify(entry));
  return `${head},"entries":[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}

export type ImportResult = { ok: true; entries: HistoryEntry[] } | { ok: false; reason: string };
export type ImportFileRead = { ok: true; rawEntries: unknown[] } | { ok: false; reason: string };

const NOT_OURS = 'This is not a Linq Typing Inspector history export (its "format" field is missing or different).';

/**
 * Reads an export file's envelope. The entry count is checked on the bare array, before any entry is
 * schema-parsed: parsing a million entries first took 19 s and 1.7 GB only to refuse them.
 */
export function readImportFile(text: string): ImportFileRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }
  const file = json as { format?: unknown; entries?: unknown } | null;
  if (file?.format !== EXPORT_FORMAT) return { ok: false, reason: NOT_OURS };
  if (Array.isArray(file.entries) && file.entries.length > MAX_IMPORT_ENTRIES) {
    return {
      ok: false,
      reason: `The file has ${file.entries.length} entries; at most ${MAX_IMPORT_ENTRIES} can be imported.`,
    };
  }
  const envelope = HistoryExportSchema.safeParse({ ...file, entries: [] });
  if (!envelope.success) return mismatch(envelope.error.issues[0]);
  if (!Array.isArray(file.entries))
    return { ok: false, reason: 'The file does not match the export format at entries: not a list.' };
  return { ok: true, rawEntries: file.entries };
}

function mismatch(issue: { path: PropertyKey[]; message: string } | undefined, prefix: PropertyKey[] = []) {
  const path = [...prefix, ...(issue?.path ?? [])];
  const where = path.length ? path.map(String).join('.') : 'file';
  return {
    ok: false as const,
    reason: `The file does not match the export format at ${where}: ${issue?.message ?? 'invalid'}.`,
  };
}

/**
 * Checks entries `offset…` of a file: the schema, no unredacted key, and the import rules. Returns the copies
 * to store, or the first refusal with the entry's number (counting from 1).
 */
export function checkImportEntries(raw: readonly unknown[], offset: number, now: number): ImportResult {
  const entries: HistoryEntry[] = [];
  for (const [n, record] of raw.entries()) {
    const index = offset + n;
    const parsed = HistoryEntrySchema.safeParse(record);
    if (!parsed.success) return mismatch(parsed.error.issues[0], ['entries', index]);
    if (parsed.data.request.headers.some(([, value]) => /Bearer (?!\[redacted\])/.test(value))) {
      return {
        ok: false,
        reason: 'The file contains an unredacted Authorization header; it was not made by this extension.',
      };
    }
    const checked = checkImportedEntry(parsed.data, now);
    if (!checked.ok)
      return { ok: false, reason: `Entry ${index + 1} (id "${shownId(parsed.data.id)}"): ${checked.reason}.` };
    entries.push(checked.entry);
  }
  return { ok: true, entries };
}

/** Reads a whole export file at once. Anything wrong refuses the whole file, with the first reason found. */
export function parseHistoryImport(text: string, now = Date.now()): ImportResult {
  const file = readImportFile(text);
  return file.ok ? checkImportEntries(file.rawEntries, 0, now) : file;
}
