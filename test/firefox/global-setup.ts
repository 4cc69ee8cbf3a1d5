import { existsSync } from 'node:fs';
import { buildDist } from '../e2e/harness/build-dist.ts';
import { FIREFOX_DIST_DIR } from './harness/firefox.ts';

/**
 * Builds dist-firefox/ (`npm run build:firefox`, the folder a Firefox user loads) once before the Firefox files
 * run. FIREFOX_SKIP_BUILD=1 reuses the one already built.
 */
export default async function setup(): Promise<void> {
  if (process.env.FIREFOX_SKIP_BUILD === '1') {
    if (!existsSync(`${FIREFOX_DIST_DIR}/manifest.json`))
      throw new Error(
        `FIREFOX_SKIP_BUILD=1 but ${FIREFOX_DIST_DIR}/manifest.json is missing; run npm run build:firefox.`,
      );
    return;
  }
  console.log(`firefox: built ${FIREFOX_DIST_DIR} in ${await buildDist(FIREFOX_DIST_DIR, 'firefox')} ms`);
}
