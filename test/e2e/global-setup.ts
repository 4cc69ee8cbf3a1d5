import { existsSync } from 'node:fs';
import { buildDist } from './harness/build-dist.ts';
import { DIST_DIR } from './harness/paths.ts';

/**
 * Builds the production dist/ (the very folder a user installs) once before the e2e files run.
 * Set E2E_SKIP_BUILD=1 to reuse the dist/ that `npm run build` made.
 */
export default async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') {
    if (!existsSync(`${DIST_DIR}/manifest.json`)) {
      throw new Error(`E2E_SKIP_BUILD=1 but ${DIST_DIR}/manifest.json is missing; run \`npm run build\` first.`);
    }
    return;
  }
  console.log(`e2e: built ${DIST_DIR} in ${await buildDist(DIST_DIR, 'production')} ms`);
}
