import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHar } from './har-fixture.ts';
import type { BenchSession } from './session.ts';
import { median } from './stats.ts';
import { viewUrlOf } from './session.ts';

const ENTRIES = 5_000;
const BYTES = 20 * 1024 * 1024;
const RUNS = 3;

type WithOpen = typeof globalThis & { benchHarOpen: Promise<number> };

/** One HAR file opened through the panel's real "Open HAR file…" control, timed in the panel. */
export interface HarOpenTimes {
  /** Median, from the input's change event to the frame after "Opened …" is shown. */
  ms: number;
  runs: number[];
  fileBytes: number;
  confirmation: string;
}

/**
 * Opens a 20 MB, 5,000-entry HAR (test/bench/har-fixture.ts) `RUNS` times through Page traffic's "Open HAR file…"
 * in the panel page: the file read, checked, redacted and decoded, then shown. Issue 15's budget: ≤ 2 s.
 */
export async function measureHarOpen(session: BenchSession): Promise<HarOpenTimes> {
  const { panel } = session;
  const text = makeHar(ENTRIES, BYTES);
  const path = join(tmpdir(), `linq-bench-har-${process.pid}.har`);
  await writeFile(path, text);
  try {
    await panel.bringToFront();
    await panel.goto(`${viewUrlOf(session, 'panel')}#view=traffic`);
    const traffic = panel.getByRole('region', { name: 'Page traffic' });
    const input = traffic.locator('input[type=file]');
    await input.waitFor({ state: 'attached' });
    const runs: number[] = [];
    let confirmation = '';
    for (let run = 0; run < RUNS; run += 1) {
      await panel.evaluate(() => {
        const field = document.querySelector<HTMLInputElement>('section.traffic input[type=file]')!;
        (globalThis as WithOpen).benchHarOpen = new Promise((resolve, reject) => {
          let start = 0;
          field.addEventListener('change', () => (start = performance.now()), { capture: true, once: true });
          const section = field.closest('section')!;
          const observer = new MutationObserver(() => {
            // The first status line is Open HAR file's (Export's follows it).
            const status = section.querySelector('.har-status');
            const shown = status?.textContent ?? '';
            if (status?.getAttribute('role') === 'alert') {
              observer.disconnect();
              reject(new Error(`bench: the HAR was refused: ${shown}`));
            } else if (start > 0 && shown.startsWith('Opened')) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - start));
            }
          });
          observer.observe(section, { subtree: true, childList: true, characterData: true });
        });
      });
      await input.setInputFiles(path);
      runs.push(await panel.evaluate(() => (globalThis as WithOpen).benchHarOpen));
      confirmation = (await traffic.locator('.har-status').first().textContent()) ?? '';
    }
    return { ms: median(runs), runs, fileBytes: Buffer.byteLength(text), confirmation };
  } finally {
    await rm(path, { force: true });
  }
}
