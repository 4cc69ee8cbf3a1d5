import { IDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_CHUNK, createImportJobs, KEEP_FINISHED_MS } from '../../../src/background/import-job.ts';
import { exportHistoryJson } from '../../../src/core/share/export-json.ts';
import type { FileRead } from '../../../src/platform/import-file-url.ts';
import type { HistoryEntry } from '../../../src/core/history.ts';
import { CHAT, makeDeps } from './fixtures.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const BASE = 'https://api.linqapp.com/api/partner';

function fileEntry(id: string, startedAt = NOW - 60_000, state: HistoryEntry['state'] = 'settled'): HistoryEntry {
  return {
    id,
    startedAt,
    durationMs: 80,
    state,
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: CHAT,
    baseUrlHost: 'api.linqapp.com',
    profileId: 'production',
    request: {
      url: `${BASE}/v3/chats/${CHAT}/typing`,
      headers: [['Authorization', 'Bearer [redacted]']],
      timeoutMs: 15_000,
    },
    ...(state === 'settled'
      ? { outcome: { kind: 'success' as const, summary: '204', retry: 'no' as const, retryText: 'No', hint: '' } }
      : {}),
  };
}

/** The operator's own entries, as the worker writes them (no `imported`). */
async function ownEntries(history: ReturnType<typeof makeDeps>['history'], count: number, startedAt = NOW - 3_600_000) {
  for (let i = 0; i < count; i += 1) {
    const { profileId: _profileId, ...own } = fileEntry(`own-${i}`, startedAt + i);
    await history.put(own);
  }
}

const at = (now: number) => ({ now: () => now });

/** Object URLs as the worker reads them: here, a map from URL to the file's text. */
const files = new Map<string, string>();
const readFile = async (url: string, maxBytes: number): Promise<FileRead> => {
  const text = files.get(url);
  if (text === undefined) return { ok: false, reason: 'The file could no longer be read (was the panel closed?).' };
  return text.length > maxBytes ? { ok: false, reason: 'The file is larger than the limit.' } : { ok: true, text };
};
const jobsOver = (deps: ReturnType<typeof makeDeps>['deps'], schedule?: (run: () => void, ms: number) => void) =>
  createImportJobs(deps, readFile, schedule);

/** Hands a file of these entries (as Export JSON writes it) to the job, and waits for the job to end. */
async function importFile(
  jobs: ReturnType<typeof createImportJobs>,
  entries: HistoryEntry[],
  { job = 'job-1', text = exportHistoryJson(entries, '1.0.0', NOW) } = {},
) {
  const url = `blob:test/${job}`;
  files.set(url, text);
  expect(jobs.start({ job, url })).toEqual({ ok: true });
  return vi.waitUntil(
    () => {
      const status = jobs.status({ job });
      return status.phase === 'done' ? status : undefined;
    },
    { timeout: 20_000, interval: 10 },
  );
}

const done = { phase: 'done', done: 0, total: 0, imported: 0, present: 0, overLimit: 0 };

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

// Each test checks and stores real export files; under a loaded machine that takes seconds, not milliseconds.
describe("the worker's import job", { timeout: 30_000 }, () => {
  it('marks entries imported, drops the exporting environment, turns pending into interrupted, announces once', async () => {
    const { deps, history, announced } = makeDeps(at(NOW));
    const jobs = jobsOver(deps);
    const file = [fileEntry('a'), fileEntry('p', NOW - 1000, 'pending')];
    expect(await importFile(jobs, file, {})).toEqual({ ...done, done: 2, total: 2, imported: 2 });
    const stored = await history.get('a');
    expect(stored?.imported).toBe(true);
    expect(stored).not.toHaveProperty('profileId');
    expect((await history.get('p'))?.state).toBe('interrupted');
    expect(announced).toEqual([undefined]);
  });

  it("F9: never overwrites a stored id: it skips and counts it, so re-importing says '0 imported, N present'", async () => {
    const { deps, history } = makeDeps(at(NOW));
    const jobs = jobsOver(deps);
    await ownEntries(history, 1);
    const own = await history.get('own-0');
    const file = [{ ...fileEntry('own-0'), durationMs: 9999 }, fileEntry('b'), fileEntry('b')];
    expect(await importFile(jobs, file)).toMatchObject({ imported: 1, present: 2, overLimit: 0 });
    expect(await history.get('own-0')).toEqual(own);
    expect(await importFile(jobs, file, { job: 'job-2' })).toMatchObject({ imported: 0, present: 3 });
    expect(await history.count()).toBe(2);
  });

  it("F6: an import never evicts the operator's own entries, even dated 2100 (refused) or at the limit", async () => {
    const { deps, history, settings } = makeDeps(at(NOW));
    const jobs = jobsOver(deps);
    await settings.update({ historyCap: 100 });
    await ownEntries(history, 95);
    const file = Array.from({ length: 10 }, (_, i) => fileEntry(`f${i}`, NOW - i));
    expect(await importFile(jobs, file)).toMatchObject({ imported: 5, present: 0, overLimit: 5 });
    const kept = await history.newest(200);
    expect(kept.filter((entry) => !entry.imported)).toHaveLength(95);
    expect(kept).toHaveLength(100);

    const future = await importFile(jobs, [fileEntry('y2100', Date.UTC(2100, 0, 1))], { job: 'job-2' });
    expect(future.refused).toMatch(/startedAt/);
    expect((await history.newest(200)).filter((entry) => !entry.imported)).toHaveLength(95);
  });

  it('F2: the worker checks every entry of the text it is sent; one bad entry stores nothing', async () => {
    const { deps, history, announced } = makeDeps(at(NOW));
    const jobs = jobsOver(deps);
    const hostile = {
      ...fileEntry('x'),
      request: { ...fileEntry('x').request, url: `https://evil.example/v3/chats/${CHAT}/typing` },
    };
    const file = [...Array.from({ length: CHECK_CHUNK }, (_, i) => fileEntry(`ok${i}`)), hostile];
    const status = await importFile(jobs, file);
    expect(status.refused).toMatch(new RegExp(`^Entry ${CHECK_CHUNK + 1} \\(id "x"\\): .*(Base URL|baseUrlHost)`));
    expect(status.imported).toBe(0);
    expect(await history.count()).toBe(0);
    // The chunk staged before the bad entry was dropped.
    expect(await history.dropUnfinishedImports()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('refuses a file that is not an export, one it cannot read, and the same job twice, with nothing stored', async () => {
    const { deps, history } = makeDeps(at(NOW));
    const jobs = jobsOver(deps);
    expect((await importFile(jobs, [], { text: 'not json' })).refused).toBe('The file is not JSON.');
    expect(jobs.start({ job: 'job-1', url: 'blob:test/job-1' })).toMatchObject({ ok: false, message: /sent already/ });
    expect(jobs.start({ job: 'gone', url: 'blob:test/closed' })).toEqual({ ok: true });
    await vi.waitUntil(() => jobs.status({ job: 'gone' }).phase === 'done', { timeout: 20_000 });
    expect(jobs.status({ job: 'gone' }).refused).toMatch(/could no longer be read/);
    expect(await history.count()).toBe(0);
  });

  it('F8: stores 500 entries in two transactions (staged, then committed), as a handful of page records', async () => {
    const { deps, history } = makeDeps(at(NOW));
    const jobs = jobsOver(deps);
    await history.count();
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const file = Array.from({ length: 500 }, (_, i) => fileEntry(`c${i}`, NOW - i));
    expect(await importFile(jobs, file)).toMatchObject({ imported: 500 });
    expect(transactions.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(2);
    expect(await history.count()).toBe(500);
  });

  it('Cancel stores nothing, even of chunks already staged', async () => {
    const { deps, history, announced } = makeDeps(at(NOW));
    const jobs = jobsOver(deps);
    const file = Array.from({ length: 3 * CHECK_CHUNK }, (_, i) => fileEntry(`c${i}`, NOW - i));
    files.set('blob:test/j', exportHistoryJson(file, '1.0.0', NOW));
    jobs.start({ job: 'j', url: 'blob:test/j' });
    await vi.waitUntil(() => jobs.status({ job: 'j' }).done >= CHECK_CHUNK, { timeout: 20_000 });
    jobs.status({ job: 'j', cancel: true });
    const status = await vi.waitUntil(
      () => (jobs.status({ job: 'j' }).phase === 'done' ? jobs.status({ job: 'j' }) : 0),
      { timeout: 20_000 },
    );
    expect(status).toMatchObject({ cancelled: true, imported: 0 });
    expect(await history.dropUnfinishedImports()).toBe(0);
    expect(await history.count()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('a chunk that fails to stage ends the job with the reason, and nothing of the file is kept', async () => {
    const { deps, history, settings, announced } = makeDeps(at(NOW));
    await settings.update({ historyCap: 50_000 });
    let calls = 0;
    const failing = {
      ...deps,
      history: {
        ...history,
        stageImported: async (chunk: readonly HistoryEntry[]) => {
          calls += 1;
          if (calls === 2) throw new Error('QuotaExceededError');
          return history.stageImported(chunk);
        },
      },
    };
    const file = Array.from({ length: 2 * CHECK_CHUNK + 10 }, (_, i) => fileEntry(`c${i}`, NOW - 60_000 - i));
    const status = await importFile(jobsOver(failing), file);
    expect(status.failed).toBe('Import failed while storing: QuotaExceededError');
    expect(status.imported).toBe(0);
    expect(await history.count()).toBe(0);
    expect(await history.dropUnfinishedImports()).toBe(0);
    expect(announced).toEqual([]);
  }, 30_000);

  it('a finished job is kept a while for its view to read, then dropped', async () => {
    const { deps } = makeDeps(at(NOW));
    const timers: Array<{ run: () => void; ms: number }> = [];
    const jobs = jobsOver(deps, (run, ms) => void timers.push({ run, ms }));
    const status = await importFile(jobs, [fileEntry('a')]);
    expect(status.imported).toBe(1);
    await vi.waitUntil(() => timers.some((timer) => timer.ms === KEEP_FINISHED_MS), { timeout: 20_000 });
    expect(jobs.status({ job: 'job-1' }).phase).toBe('done');
    for (const timer of timers.splice(0)) timer.run();
    expect(jobs.status({ job: 'job-1' }).phase).toBe('unknown');
  });
});
