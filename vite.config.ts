import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    target: 'chrome116',
    // Extension pages load from disk, so preloading a lazy chunk's imports gains nothing; without it,
    // every dynamic import is a plain import() and the preload helper leaves the bundle.
    modulePreload: false,
    rolldownOptions: {
      // The panel page is only named in JavaScript (devtools.panels.create), so crxjs cannot discover it.
      input: { panel: 'src/devtools/panel.html' },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { clientPort: 5173 } },
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
