import { randomUUID } from 'node:crypto';
import { stopServiceWorker } from '../e2e/harness/worker.ts';
import { fireOnce, pingOnce, type FireTiming } from './fire.ts';
import { curlOnce, rawFetchOnce, sdkScriptOnce, typingUrl, type FloorTiming } from './floor.ts';
import type { Results } from './results.ts';
import type { BenchSession } from './session.ts';
import { median, p95 } from './stats.ts';
import { pageOf, type View } from './views.ts';

export interface FireSample extends FireTiming {
  chatId: string;
}

export interface FireSamples {
  popup: FireSample[];
  panel: FireSample[];
  floor: FloorTiming[];
  curl: number[];
  sdk: number[];
  ping: number[];
}

async function fire(session: BenchSession, view: View, timeoutMs?: number): Promise<FireSample> {
  const chatId = randomUUID();
  return { chatId, ...(await fireOnce(pageOf(session, view), view, chatId, timeoutMs)) };
}

/**
 * Warm worker: each view in a block of its own, in front the whole block as an operator's view is while
 * they work (switching tabs before every click would time the tab's return to the screen, not the fire),
 * with the raw-fetch floor from the same page, curl and the SDK script interleaved round by round.
 */
export async function measureFire(
  session: BenchSession,
  options: { runs: number; warmup: number; curl: boolean },
): Promise<FireSamples> {
  const { baseUrl, apiKey } = session;
  if (options.curl) await curlOnce(typingUrl(baseUrl, randomUUID()));
  await sdkScriptOnce(baseUrl, randomUUID(), apiKey);
  const samples: FireSamples = { popup: [], panel: [], floor: [], curl: [], sdk: [], ping: [] };
  for (const view of ['popup', 'panel'] as const) {
    const page = pageOf(session, view);
    for (let run = 0; run < options.warmup; run += 1) {
      await fire(session, view);
      await rawFetchOnce(page, typingUrl(baseUrl, randomUUID()));
      await pingOnce(page);
    }
    for (let run = 0; run < options.runs; run += 1) {
      samples.floor.push(await rawFetchOnce(page, typingUrl(baseUrl, randomUUID())));
      samples[view].push(await fire(session, view));
      samples.ping.push(await pingOnce(page));
      if (options.curl) samples.curl.push(await curlOnce(typingUrl(baseUrl, randomUUID())));
      // A Node process with the SDK takes ~0.5-2 s here; every fourth round is enough for its median.
      if (run % 4 === 0) samples.sdk.push(await sdkScriptOnce(baseUrl, randomUUID(), apiKey));
    }
  }
  return samples;
}

/** Cold start: the worker is stopped (as Chrome stops an idle one), then Stop typing is clicked in the popup. */
export async function measureCold(session: BenchSession, runs: number): Promise<FireSample[]> {
  const samples: FireSample[] = [];
  for (let run = 0; run < runs; run += 1) {
    await stopServiceWorker(session.extension.context, session.popup);
    await new Promise((resolve) => setTimeout(resolve, 300));
    samples.push(await fire(session, 'popup', 20_000));
  }
  return samples;
}

/** Warm Stop typing in one view only (the other parked), e.g. with 50,000 entries. */
export async function measureFireIn(session: BenchSession, view: View, runs: number): Promise<FireSample[]> {
  const samples: FireSample[] = [];
  for (let run = 0; run < runs + 2; run += 1) {
    const sample = await fire(session, view);
    if (run >= 2) samples.push(sample);
  }
  return samples;
}

/**
 * From the click until the mock received the request: what the extension spends before the network
 * (validation, storage, messaging, the pending journal write). Both clocks are this machine's epoch ms.
 */
export function clickToRequest(session: BenchSession, samples: FireSample[]): number[] {
  return samples.map((sample) => {
    const request = session.mock.requests.find((candidate) => candidate.chatId === sample.chatId.toLowerCase());
    if (!request) throw new Error(`bench: the mock never received the request for ${sample.chatId}`);
    return request.at - sample.clickEpoch;
  });
}

/** Rows for one set of fire samples: result on screen (median, p95), DOM commit, history row, and the split. */
export function fireRows(
  results: Results,
  session: BenchSession,
  name: string,
  samples: FireSample[],
  budget?: number,
): void {
  const frame = samples.map((sample) => sample.latestFrame);
  results.add(`${name}.median`, median(frame), 'ms', budget);
  results.add(`${name}.p95`, p95(frame), 'ms');
  results.add(`${name}.dom.median`, median(samples.map((sample) => sample.latestDom)), 'ms');
  results.add(`${name}.click-to-request.median`, median(clickToRequest(session, samples)), 'ms');
  results.add(`${name}.history-row.median`, median(samples.map((sample) => sample.rowFrame)), 'ms');
}
