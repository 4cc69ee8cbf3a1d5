import { build } from 'vite';
import { ROOT_DIR } from './dirs.ts';

/** store-entry.ts and the src modules it imports, bundled into one IIFE string to inject into a page. */
export async function bundleStore(): Promise<string> {
  const output = await build({
    root: ROOT_DIR,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    mode: 'production',
    build: {
      write: false,
      target: 'chrome116',
      minify: false,
      emptyOutDir: false,
      lib: {
        entry: `${ROOT_DIR}/test/bench/store-entry.ts`,
        formats: ['iife'],
        name: 'benchStoreBundle',
        fileName: 'bench-store',
      },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const result of outputs) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('bench: the store bundle produced no chunk');
}
