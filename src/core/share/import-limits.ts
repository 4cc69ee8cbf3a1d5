/** How much an import takes: checked before anything is parsed. */
export const MAX_IMPORT_ENTRIES = 100_000;
/**
 * Checked before the file is read at all (a 114 MB file once froze the panel for 6.8 s). 128 MiB, because an
 * export of a full 100,000-entry history (about 1 KB an entry, about 101 MB) must import again.
 */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;
export const MAX_IMPORT_TEXT = `${MAX_IMPORT_BYTES / 1024 / 1024} MiB (enough for an export of a full ${MAX_IMPORT_ENTRIES.toLocaleString('en-US')}-entry history)`;
