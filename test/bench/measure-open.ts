import { openOnce, type OpenKind } from './open.ts';
import { historyIdle } from './seed.ts';
import { viewUrlOf, type BenchSession } from './session.ts';
import { MODULE_PAGE } from './dirs.ts';
import { median } from './stats.ts';

export interface OpenSamples {
  times: Record<OpenKind, number[]>;
  heapMB: Partial<Record<OpenKind, number>>;
}

/**
 * Opens popup, panel and the empty page in fresh tabs, interleaved so load on the machine hits all three
 * alike. The first round is a warm-up whose pages also report their heap once fully loaded.
 */
export async function measureOpens(session: BenchSession, total: number, runs: number): Promise<OpenSamples> {
  const urls: Record<OpenKind, string> = {
    popup: viewUrlOf(session, 'popup'),
    panel: viewUrlOf(session, 'panel'),
    empty: session.emptyUrl,
    module: session.emptyUrl.replace(/[^/]+$/, MODULE_PAGE.split('/').pop()!),
  };
  const samples: OpenSamples = { times: { popup: [], panel: [], empty: [], module: [] }, heapMB: {} };
  for (let round = 0; round <= runs; round += 1) {
    for (const kind of ['popup', 'panel', 'empty', 'module'] as const) {
      // A closed tab's reads may still run in IndexedDB and would delay the next tab's.
      await historyIdle(session.lab);
      const timing = await openOnce(session.extension.context, urls[kind], kind, total, { heap: round === 0 });
      if (round === 0) samples.heapMB[kind] = timing.heapMB;
      else samples.times[kind].push(timing.interactive);
    }
  }
  return samples;
}

export function describeOpens(samples: OpenSamples): string {
  const { popup, panel, empty, module } = samples.times;
  return `popup ${median(popup).toFixed(1)} ms, panel ${median(panel).toFixed(1)} ms, empty ${median(empty).toFixed(1)} ms, one-module page ${median(module).toFixed(1)} ms`;
}
