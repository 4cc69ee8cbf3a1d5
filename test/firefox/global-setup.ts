import { existsSync } from 'node:fs';
import { build } from 'vite';
import { ROOT_DIR } from '../e2e/harness/paths.ts';
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
  const started = Date.now();
  // As in test/e2e/global-setup.ts: vite builds for production only under NODE_ENV=production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT_DIR,
      configFile: `${ROOT_DIR}/vite.config.ts`,
      logLevel: 'warn',
      mode: 'firefox',
      build: { outDir: FIREFOX_DIST_DIR, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  console.log(`firefox: built ${FIREFOX_DIST_DIR} in ${Date.now() - started} ms`);
}
