import * as z from 'zod/mini';
import { HistoryEntrySchema, type HistoryEntry } from '../history.ts';

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
  return JSON.stringify(file, null, 2);
}

export type ImportResult = { ok: true; entries: HistoryEntry[] } | { ok: false; reason: string };

const MAX_IMPORT_ENTRIES = 100_000;

/** Reads an export file. Anything wrong refuses the whole file, with the first reason found. */
export function parseHistoryImport(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== EXPORT_FORMAT) return { ok: false, reason: 'This is not a Linq Typing Inspector history export (its "format" field is missing or different).' };
  const parsed = HistoryExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'file';
    return { ok: false, reason: `The file does not match the export format at ${where}: ${issue?.message ?? 'invalid'}.` };
  }
  if (parsed.data.entries.length > MAX_IMPORT_ENTRIES) {
    return { ok: false, reason: `The file has ${parsed.data.entries.length} entries; at most ${MAX_IMPORT_ENTRIES} can be imported.` };
  }
  if (parsed.data.entries.some((entry) => /Bearer (?!\[redacted\])/.test(JSON.stringify(entry.request.headers)))) {
    return { ok: false, reason: 'The file contains an unredacted Authorization header; it was not made by this extension.' };
  }
  return { ok: true, entries: parsed.data.entries };
}
