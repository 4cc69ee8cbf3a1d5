import type { Page } from 'playwright-core';
import { scrollOnce, type ScrollRun } from './scroll.ts';
import { searchOnce } from './search.ts';
import { appendOnce } from './seed.ts';

const APPEND_WARMUP = 5;

/** Appends as the worker does per request (put pending, put settled, trimTo(cap)), timed in the lab page. */
export async function measureAppends(lab: Page, cap: number, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs + APPEND_WARMUP; run += 1) {
    const ms = await appendOnce(lab, cap);
    if (run >= APPEND_WARMUP) times.push(ms);
  }
  return times;
}

/**
 * Appends alternately into the empty twin database and the real history (e.g. 50,000 entries), with the same
 * store code in the same page, so both sides of the ratio see the same machine load. Returns [twin, history].
 */
export async function measureAppendPair(lab: Page, cap: number, runs: number): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let run = 0; run < runs + APPEND_WARMUP; run += 1) {
    const a = await appendOnce(lab, cap, 'empty-twin');
    const b = await appendOnce(lab, cap, 'history');
    if (run >= APPEND_WARMUP) {
      times[0].push(a);
      times[1].push(b);
    }
  }
  return times;
}

/** Each query, `repeats` times, from an empty search box; returns ms to the next frame after the count changed. */
export async function measureSearch(
  panel: Page,
  queries: string[],
  repeats: number,
  log: (message: string) => void,
): Promise<number[]> {
  const times: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    for (const query of queries) {
      const result = await searchOnce(panel, query);
      times.push(result.frame);
      if (repeat === 0)
        log(`search "${query}": ${result.count} in ${result.frame.toFixed(1)} ms (DOM ${result.dom.toFixed(1)} ms)`);
      await searchOnce(panel, '');
    }
  }
  return times;
}

export async function measureScroll(panel: Page, runs: number, steps: number): Promise<ScrollRun[]> {
  const scrolls: ScrollRun[] = [];
  for (let run = 0; run < runs; run += 1) scrolls.push(await scrollOnce(panel, steps));
  return scrolls;
}
