import { MAX_IMPORT_TEXT } from '../core/share/import-limits.ts';

export type FileRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads, in the worker, a file a view handed over as an object URL: no copy of it travels in a message. Only a
 * `blob:` URL of the extension's own origin is read, never one that could reach the network.
 */
export async function readOwnObjectUrl(
  url: string,
  maxBytes: number,
  origin = globalThis.location.origin,
): Promise<FileRead> {
  if (!url.startsWith(`blob:${origin}/`)) {
    return { ok: false, reason: 'The file was not handed over by one of this extension’s pages.' };
  }
  let file: Blob;
  try {
    file = await (await fetch(url)).blob();
  } catch {
    return { ok: false, reason: 'The file could no longer be read (was the panel closed?).' };
  }
  if (file.size > maxBytes) return { ok: false, reason: `The file is larger than ${MAX_IMPORT_TEXT}.` };
  return { ok: true, text: await file.text() };
}
