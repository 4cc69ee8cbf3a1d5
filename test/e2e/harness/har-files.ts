import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Small HAR 1.2 files for the Open HAR file e2e test: each is written as a real file, as an operator would be
 * sent one, so the panel reads it through its file input.
 */
export type HarHeaders = ReadonlyArray<readonly [string, string]>;

export interface HarEntryInput {
  url: string;
  method?: string;
  status: number;
  statusText?: string;
  requestHeaders?: HarHeaders;
  responseHeaders?: HarHeaders;
  /** The response body as text; sent as application/json. */
  body?: string;
}

const headerList = (headers: HarHeaders = []) => headers.map(([name, value]) => ({ name, value }));

export function harEntry(input: HarEntryInput, startedAt = new Date('2026-01-02T03:04:05.000Z')): unknown {
  return {
    startedDateTime: startedAt.toISOString(),
    time: 42,
    request: {
      method: input.method ?? 'DELETE',
      url: input.url,
      httpVersion: 'HTTP/1.1',
      headers: headerList(input.requestHeaders),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: input.status,
      statusText: input.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      headers: headerList(input.responseHeaders),
      cookies: [],
      content: { size: input.body?.length ?? 0, mimeType: 'application/json', text: input.body ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: input.body?.length ?? 0,
    },
    cache: {},
    timings: { send: 0, wait: 42, receive: 0 },
  };
}

/** A whole HAR file's text around `entries`, each started a second after the one before. */
export function harText(entries: readonly HarEntryInput[]): string {
  const start = Date.parse('2026-01-02T03:04:05.000Z');
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'har-open e2e', version: '1' },
      entries: entries.map((entry, index) => harEntry(entry, new Date(start + index * 1000))),
    },
  });
}

/** Linq's error envelope as the API writes it. */
export function linqEnvelope(error: { status: number; code: number; message: string; doc_url?: string }): string {
  return JSON.stringify({ success: false, error, trace_id: 'trace-har-e2e-0001' });
}

export interface HarDir {
  dir: string;
  /** Writes `text` to `name` in the folder and returns its path. */
  write(name: string, text: string): Promise<string>;
  /** A sparse file of `bytes` (fs.truncate: nothing is written, so it is instant). */
  sparse(name: string, bytes: number): Promise<string>;
  remove(): Promise<void>;
}

export async function makeHarDir(): Promise<HarDir> {
  const dir = await mkdtemp(path.join(tmpdir(), 'har-open-e2e-'));
  return {
    dir,
    async write(name, text) {
      const file = path.join(dir, name);
      await writeFile(file, text);
      return file;
    },
    async sparse(name, bytes) {
      const file = path.join(dir, name);
      await writeFile(file, '');
      await truncate(file, bytes);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
