import { expect, test, type TestContext } from 'vitest';
import type { Page } from 'playwright-core';
import type { ViewName } from '../../harness/paths.ts';
import { startSession, useSessionHooks, type E2eSession, type SessionHooks } from '../../harness/session.ts';
import { openView } from '../../harness/views.ts';
import { readHistoryDb } from './db.ts';
import { handled, recordFault } from './meta.ts';
import { FaultObserver } from './observer.ts';
import { FAULT_KEY, leakCount, sweepForKey } from './secrets.ts';

export interface FaultSession extends E2eSession {
  observer: FaultObserver;
  /** The view named by `firstView`, opened while the observer started. */
  first: Page;
}

/**
 * One browser and one mock per file, as everywhere in e2e, with the fault key and an observer. The first view
 * opens while the observer sets itself up (chrome://extensions is slow to load), to keep setup short.
 */
export async function startFaultSession(options: {
  slowMs?: number;
  firstView: ViewName;
  distDir?: string;
}): Promise<FaultSession> {
  const session = await startSession({ slowMs: options.slowMs, apiKey: FAULT_KEY, distDir: options.distDir });
  try {
    const observer = new FaultObserver(session.extension.context, session.extension.extensionId);
    const [, first] = await Promise.all([observer.start(), openView(session.extension, options.firstView)]);
    return { ...session, observer, first };
  } catch (error) {
    await session.close();
    throw error;
  }
}

type FaultSessionOptions = Parameters<typeof startFaultSession>[0];

/**
 * A fault session for the file it is called in, like useExtensionSession: started before the tests (the options
 * `prepare` returns added), every uncaught error during a test failing it, closed after all.
 */
export function useFaultSession(options: FaultSessionOptions & SessionHooks<FaultSession>): FaultSession {
  return useSessionHooks(async () => startFaultSession({ ...options, ...(await options.prepare?.()) }), {
    ...options,
    afterEachTest: failOnUncaught,
  });
}

/**
 * Counts every uncaught error and console error that happened during a test into its figures, and fails it
 * on any (the figures report; this enforces).
 */
async function failOnUncaught(session: FaultSession, { task }: TestContext): Promise<void> {
  const errors = await session.observer.takeUncaught();
  const meta = task.meta.fault;
  if (meta) {
    meta.uncaught += errors.length;
    if (errors.length > 0) meta.handled = 0;
  }
  if (errors.length > 0) throw new Error(`Uncaught errors or console errors:\n${errors.join('\n\n')}`);
}

/**
 * Entries lost: requests the operator fired that reached the mock but have no settled (or interrupted) entry
 * in IndexedDB. `fired` lists each fire's chat ID (repeated when fired again). A fire counts once even when
 * the mock saw it twice: Chromium itself re-sends a request whose reused keep-alive connection was dropped or
 * reset before any answer (`retried` counts those). `expectedGone` are chat IDs evicted by design (history cap).
 */
export async function lostEntries(
  page: Page,
  session: FaultSession,
  options: { fired: Iterable<string>; since?: number; expectedGone?: Iterable<string> },
): Promise<{ lost: number; retried: number; detail: string[] }> {
  const gone = new Set(options.expectedGone ?? []);
  const fired = new Map<string, number>();
  for (const chatId of options.fired) if (!gone.has(chatId)) fired.set(chatId, (fired.get(chatId) ?? 0) + 1);
  const received = new Map<string, number>();
  for (const request of session.mock.requests.slice(options.since ?? 0)) {
    if (fired.has(request.chatId)) received.set(request.chatId, (received.get(request.chatId) ?? 0) + 1);
  }
  const settled = new Map<string, number>();
  for (const entry of await readHistoryDb(page)) {
    if (entry.state === 'pending' || !fired.has(entry.chatId)) continue;
    settled.set(entry.chatId, (settled.get(entry.chatId) ?? 0) + 1);
  }
  let lost = 0;
  let retried = 0;
  const detail: string[] = [];
  for (const [chatId, times] of fired) {
    const reached = received.get(chatId) ?? 0;
    retried += Math.max(0, reached - times);
    const missing = Math.max(0, Math.min(times, reached) - (settled.get(chatId) ?? 0));
    if (missing > 0) detail.push(`${chatId}: fired ${times}, mock saw ${reached}, settled ${settled.get(chatId) ?? 0}`);
    lost += missing;
  }
  return { lost, retried, detail };
}

/**
 * The last test of every fault file: after everything that file did to its browser, the key is found
 * nowhere but in the Authorization header the mock received.
 */
export function defineSecretsSweep(get: () => { session: FaultSession; views: () => Page[]; key?: string }): void {
  test('secrets: after the faults, the key is nowhere but in the Authorization header', async ({ task }) => {
    const meta = recordFault(task, 'secrets');
    const { session, views, key = FAULT_KEY } = get();
    const open = views().filter((page) => !page.isClosed());
    expect(open.length).toBeGreaterThan(0);
    const leaks = await sweepForKey({
      page: open[0]!,
      views: open,
      observer: session.observer,
      mockRequests: session.mock.requests,
      key,
    });
    meta.leaks = leakCount(leaks);
    expect(leaks).toEqual([]);

    // The mock did receive the key, in the one header meant for it, on every typing request.
    const typing = session.mock.requests.filter((request) => request.chatId !== '');
    expect(typing.length).toBeGreaterThan(0);
    expect(new Set(typing.map((request) => request.authorization))).toEqual(new Set([`Bearer ${key}`]));
    // The sweep looked at something real: console lines and requests were collected.
    expect(session.observer.requests.some((request) => request.fromWorker)).toBe(true);
    handled(meta);
  });
}
