import { parseJson } from '../linq/envelope.ts';
import { sanitizeText } from '../linq/text.ts';
import { fnv1a } from './fnv.ts';
import { readHarEntry, type EntryRead } from './har-entry.ts';
import { HarEntryShape } from './har-shape.ts';
import { linqHosts } from './linq-filter.ts';
import type { TrafficEntry } from './traffic-entry.ts';

/**
 * "Open HAR file": the Linq requests in a HAR 1.2 file from Chrome, Firefox or any other tool. The file is
 * hostile input, from whoever sent it: its size is checked before it is parsed, each entry is checked on its
 * own (a broken one is skipped and counted, the others still read), and only redacted, bounded, escaped
 * entries leave this function.
 */
export const MAX_HAR_BYTES = 50 * 1024 * 1024;
export const MAX_HAR_ENTRIES = 20_000;
const FILE_NAME_MAX = 200;

export type HarRead =
  { ok: true; entries: TrafficEntry[]; skipped: number; total: number } | { ok: false; reason: string };

export interface HarReadOptions {
  /** Hosts the operator added to api.linqapp.com, such as a staging proxy. */
  linqHosts?: readonly string[];
}

/** Rounded up, so a file just over the limit does not read as the limit itself. */
const mib = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MiB`;
const LIMIT_TEXT = `${MAX_HAR_BYTES / 1024 / 1024} MiB`;

/** The text's size in UTF-8, as the file holds it, counted without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 takes 1 to 3 bytes for each UTF-16 unit: the length alone settles most files without counting. */
function tooLarge(text: string): number | undefined {
  if (text.length * 3 <= MAX_HAR_BYTES) return undefined;
  const bytes = utf8Bytes(text);
  return bytes > MAX_HAR_BYTES ? bytes : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entry list of a parsed file, or why it is not a HAR file. */
function entriesOf(json: unknown): { ok: true; entries: unknown[] } | { ok: false; reason: string } {
  if (!isRecord(json) || !isRecord(json.log) || !('entries' in json.log)) {
    return { ok: false, reason: 'not a HAR file: no log.entries' };
  }
  const entries = json.log.entries;
  if (!Array.isArray(entries)) return { ok: false, reason: 'not a HAR file: log.entries is not a list' };
  if (entries.length > MAX_HAR_ENTRIES) {
    return {
      ok: false,
      reason: `too many entries: ${entries.length.toLocaleString('en-US')}, the limit is ${MAX_HAR_ENTRIES.toLocaleString('en-US')}`,
    };
  }
  return { ok: true, entries };
}

export function readHar(text: string, fileName: string, options: HarReadOptions = {}): HarRead {
  const oversize = tooLarge(text);
  if (oversize !== undefined) {
    return { ok: false, reason: `too large: ${mib(oversize)}, the limit is ${LIMIT_TEXT}` };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  const json = parseJson(text);
  if (json === undefined) return { ok: false, reason: 'not JSON' };
  const list = entriesOf(json);
  if (!list.ok) return list;
  const hosts = linqHosts(options.linqHosts);
  const shownName = sanitizeText(fileName.slice(0, FILE_NAME_MAX), FILE_NAME_MAX);
  // Ids stable across reads of the same file: its name's hash and the entry's place in it.
  const tag = fnv1a(fileName);
  const entries: TrafficEntry[] = [];
  let skipped = 0;
  list.entries.forEach((raw, index) => {
    const har = HarEntryShape.safeParse(raw);
    const read: EntryRead = har.success
      ? readHarEntry(har.data, `har-${tag}-${index}`, { kind: 'har', fileName: shownName }, hosts)
      : { kind: 'broken' };
    if (read.kind === 'kept') entries.push(read.entry);
    else if (read.kind === 'broken') skipped += 1;
  });
  return { ok: true, entries, skipped, total: list.entries.length };
}
