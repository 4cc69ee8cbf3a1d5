import { readHar } from '../../src/core/traffic/har-read.ts';
import { makeHar } from './har-fixture.ts';
import { median } from './stats.ts';

const ENTRIES = 5_000;
const BYTES = 20 * 1024 * 1024;
const RUNS = 5;

/** readHar on a 20 MB, 5,000-entry HAR in Node: the median of 5 runs, from the text to the kept entries. */
export async function measureHarDecode(): Promise<{ ms: number; bytes: number; entries: number; kept: number }> {
  const text = makeHar(ENTRIES, BYTES);
  const times: number[] = [];
  let kept = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = readHar(text, 'bench.har');
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`bench: the HAR was refused: ${result.reason}`);
    kept = result.entries.length;
    // Between runs, so one run's garbage is not collected in the next one's time.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ms: median(times), bytes: Buffer.byteLength(text), entries: ENTRIES, kept };
}
