/**
 * The figures of the fault-injection suite (issue 3). Each test records what it tried in its task metadata;
 * test/fault-table-reporter.ts adds them up per family. The metadata only reports: the tests' own assertions
 * are what fail the run on a lost entry, a leak or an uncaught error.
 */
import type { TaskMeta } from 'vitest';
import { HOSTILE_FAMILIES } from '../../../mock-linq/scenario-types.ts';

export const FAULT_FAMILIES = [
  ...HOSTILE_FAMILIES,
  'chat-id input',
  'key input',
  'base-url input',
  'worker-death',
  'concurrency',
  'storage',
  'secrets',
  'import',
  // 'key echo' is one of HOSTILE_FAMILIES: its scenarios are in the mock, fired by key-echo.test.ts.
  'snippets',
  // 'retry-after' is one of HOSTILE_FAMILIES: its scenarios are in the mock, fired by retry-after.test.ts.
  'page flood',
  'upgrade',
  'clear-in-flight',
  // Check chat's GETs (issue 16): the mock's hostile chat answers and HOSTILE_SCENARIOS, fired by chat-check.test.ts.
  'chat check',
] as const;

export type FaultFamily = (typeof FAULT_FAMILIES)[number];

export interface FaultMeta {
  family: FaultFamily;
  /** Scenarios this test tried. */
  tried: number;
  /** Scenarios whose every check passed (set at the very end of the test, and zeroed by any uncaught error). */
  handled: number;
  /** Requests the mock received that did not end in a settled (or interrupted) history entry. */
  lost: number;
  /** Occurrences of the API key found where it must not be. */
  leaks: number;
  /** pageerror events, console errors of the extension's pages and worker, uncaught worker errors. */
  uncaught: number;
}

declare module 'vitest' {
  interface TaskMeta {
    fault?: FaultMeta;
  }
}

/** Starts a test's record: nothing handled until the test says so at its end. */
export function recordFault(task: { meta: TaskMeta }, family: FaultFamily, tried = 1): FaultMeta {
  const meta: FaultMeta = { family, tried, handled: 0, lost: 0, leaks: 0, uncaught: 0 };
  task.meta.fault = meta;
  return meta;
}

/** Called last in a test, once every check passed. */
export function handled(meta: FaultMeta): void {
  meta.handled = meta.tried;
}
