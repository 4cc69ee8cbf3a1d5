import { existsSync } from 'node:fs';
import { build } from 'vite';
import { DIST_DIR, ROOT_DIR } from './harness/paths.ts';

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
  const started = Date.now();
  // vitest sets NODE_ENV=test, and vite builds for production only under NODE_ENV=production: under "test"
  // the build kept preact's devtools hook and dev JSX (the popup's first load was 21.4 KB gzip, not 19.9).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT_DIR,
      configFile: `${ROOT_DIR}/vite.config.ts`,
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: DIST_DIR, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  console.log(`e2e: built ${DIST_DIR} in ${Date.now() - started} ms`);
}
