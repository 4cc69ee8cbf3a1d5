/**
 * Import progress and Cancel (issue 12, F8), end to end without a browser: the panel's import logic
 * (src/ui/transfer.ts) hands the file through the view's sender (src/platform/import-sender.ts) to the
 * worker's import job (src/background/import-job.ts) over in-memory storage, each message passing through
 * its protocol schema as it does between the contexts.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_CHUNK, createImportJobs } from '../../../src/background/import-job.ts';
import { REQUESTS, type Ask } from '../../../src/core/protocol.ts';
import { exportHistoryJson } from '../../../src/core/share/export-json.ts';
import { sendImport, type ObjectUrls } from '../../../src/platform/import-sender.ts';
import { WORKER_GONE, type InspectorClient } from '../../../src/ui/client.ts';
import { importFile } from '../../../src/ui/transfer.ts';
import { settledEntries } from '../../bench/bench-entries.ts';
import { makeDeps } from './fixtures.ts';

const TOTAL = 2 * CHECK_CHUNK + 500;
const entries = settledEntries('https://api.linqapp.com/api/partner', TOTAL, Date.now() - 60_000);
const file = new Blob([exportHistoryJson(entries, '1.0.0', Date.now())]);
/** Object URLs that the test's worker reads back; each is revoked when its import ends. */
const urls = new Map<string, Blob>();
const objectUrls: ObjectUrls = {
  create: (blob) => {
    const url = `blob:test/${urls.size + 1}`;
    urls.set(url, blob);
    return url;
  },
  revoke: (url) => void urls.delete(url),
};
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/** A view's client whose `ask` reaches a worker's import job, and what the worker stored. */
async function connected() {
  const { deps, history, settings } = makeDeps({ now: () => Date.now() });
  await settings.update({ historyCap: 50_000 });
  const jobs = createImportJobs(deps, async (url) => {
    const blob = urls.get(url);
    return blob ? { ok: true, text: await blob.text() } : { ok: false, reason: 'gone' };
  });
  const ask = (async (type, message) => {
    const parsed = REQUESTS[type].message.parse(message);
    const reply = type === 'history.import' ? jobs.start(parsed as never) : jobs.status(parsed as never);
    return REQUESTS[type].reply.parse(reply);
  }) as Ask;
  const client = {
    importHistory: (blob: Blob, options: Parameters<InspectorClient['importHistory']>[1]) =>
      sendImport(ask, blob, options, tick, objectUrls),
  } as unknown as InspectorClient;
  return { client, history };
}

// Real export files are checked and stored: seconds under a loaded machine.
describe('import progress and Cancel', { timeout: 30_000 }, () => {
  it('shows "Reading", "Checking… n of N", then "Importing… n of N", then what was read', async () => {
    const { client, history } = await connected();
    const progress: string[] = [];
    const control = { onProgress: (text: string) => progress.push(text), signal: new AbortController().signal };
    const done = await importFile(client, file, control);
    expect(progress[0]).toBe('Reading the file…');
    expect(progress.some((text) => /^Checking… [\d,]+ of 20,500$/.test(text))).toBe(true);
    expect(progress.some((text) => /^Importing… [\d,]+ of 20,500$/.test(text))).toBe(true);
    expect(progress.at(-1)).toBe('Importing… 20,500 of 20,500');
    expect(done).toBe('Read 20,500 entries: 20,500 imported, 0 already present. Nothing was evicted.');
    expect(await history.count()).toBe(TOTAL);
    // The file's object URL lives only as long as its import.
    expect(urls.size).toBe(0);
  }, 30_000);

  it('Cancel after chunks were staged keeps nothing of the file', async () => {
    const { client, history } = await connected();
    const control = new AbortController();
    const onProgress = (text: string) =>
      text.startsWith(`Checking… ${CHECK_CHUNK.toLocaleString('en-US')}`) && control.abort();
    const done = await importFile(client, file, { onProgress, signal: control.signal });
    expect(done).toBe('Import cancelled. Nothing was imported.');
    expect(await history.count()).toBe(0);
    expect(await history.dropUnfinishedImports()).toBe(0);
  }, 30_000);

  it('Cancel while checking stores nothing', async () => {
    const { client, history } = await connected();
    const control = new AbortController();
    const onProgress = (text: string) => text.startsWith('Checking…') && control.abort();
    const done = await importFile(client, file, { onProgress, signal: control.signal });
    expect(done).toBe('Import cancelled. Nothing was imported.');
    expect(await history.count()).toBe(0);
    expect(CHECK_CHUNK).toBeLessThan(TOTAL);
  }, 30_000);

  it('a worker that goes away mid-import is said, with what the last status had stored', async () => {
    let polls = 0;
    const status = { phase: 'storing', done: 10_000, total: 20_000, imported: 10_000, present: 0, overLimit: 0 };
    const ask = (async (type: string) => {
      if (type === 'history.import') return { ok: true };
      polls += 1;
      return polls === 1 ? status : undefined;
    }) as Ask;
    const ended = await sendImport(ask, new Blob(['{}']), {}, async () => undefined, objectUrls);
    expect(ended).toEqual({ ...status, phase: 'done', failed: WORKER_GONE });
    expect(urls.size).toBe(0);
  });
});
