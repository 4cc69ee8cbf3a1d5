import { build } from 'vite';

/** The repository's root, where vite.config.ts is. */
export const ROOT_DIR = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

/**
 * The production build `npm run build` (or, for Firefox, `npm run build:firefox`) makes, into `outDir`. With
 * `onRebuild`, vite keeps watching src/ and calls it after each later build (the first one is awaited here); the
 * returned function stops watching.
 */
export async function buildExtension(
  outDir: string,
  browser: 'chromium' | 'firefox',
  onRebuild?: () => void,
): Promise<() => Promise<void>> {
  const output = await build({
    root: ROOT_DIR,
    configFile: `${ROOT_DIR}/vite.config.ts`,
    logLevel: 'warn',
    mode: browser === 'firefox' ? 'firefox' : 'production',
    build: { outDir, emptyOutDir: true, ...(onRebuild ? { watch: {} } : {}) },
  });
  if (!onRebuild || !('on' in output)) return async () => undefined;
  const watcher = output;
  await new Promise<void>((resolve, reject) => {
    let first = true;
    watcher.on('event', (event) => {
      if (event.code === 'ERROR') {
        if (first) reject(event.error);
        else console.error(`start: the rebuild failed, the extension keeps its last build:\n${String(event.error)}`);
      }
      if (event.code === 'END') {
        if (first) resolve();
        else onRebuild();
        first = false;
      }
    });
  });
  return () => watcher.close();
}
