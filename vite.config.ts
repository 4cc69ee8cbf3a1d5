import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { rolldown } from 'rolldown';
import manifest from './manifest.json' with { type: 'json' };
import { PAGE_SCRIPT } from './src/background/page-menu.ts';

const POPUP_PAGE = 'src/popup/index.html';

/**
 * The popup's script in one file, render-blocking, and its stylesheet inline. The build shares modules
 * between pages and the worker through common chunks, so the popup loaded three scripts and a stylesheet,
 * and each file an extension page loads adds to the time before it can paint (in one probe run with the
 * same history: 1.55 x the empty page with the three files, 1.43 x with one). After the build, the popup's
 * entry is bundled again with everything it imports; what it imports lazily stays lazy.
 */
function popupInOneFile(): Plugin {
  return {
    name: 'linq:popup-in-one-file',
    apply: 'build',
    async writeBundle({ dir }) {
      if (!dir) throw new Error('popup-in-one-file: the build has no output folder');
      const page = join(dir, POPUP_PAGE);
      const html = await readFile(page, 'utf8');
      const entry = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)"><\/script>/.exec(html)?.[1];
      if (!entry) throw new Error(`popup-in-one-file: ${POPUP_PAGE} names no module script`);
      const bundle = await rolldown({ input: join(dir, entry), logLevel: 'warn' });
      const { output } = await bundle.write({
        dir: join(dir, 'assets'),
        format: 'es',
        minify: true,
        entryFileNames: 'popup-[hash].js',
        chunkFileNames: 'popup-[hash].js',
      });
      await bundle.close();
      let oneFile = html
        .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
        .replace(entry, `assets/${output[0].fileName}`)
        // No first frame before the script has rendered the form and rows: otherwise an empty frame comes
        // first and the popup waits for the next one (probe, same build: 1.46 -> 1.36 x the empty page).
        .replace('<script type="module"', '<script type="module" blocking="render"');
      // The stylesheet goes inline too: one file fewer to wait for (the extension's CSP limits scripts only).
      const stylesheet = /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/.exec(oneFile);
      if (stylesheet) {
        const css = (await readFile(join(dir, stylesheet[1]!), 'utf8')).trim();
        oneFile = oneFile.replace(stylesheet[0], () => `<style>${css}</style>`);
      }
      await writeFile(page, oneFile);
      // Nothing else imports a page's entry chunk.
      await rm(join(dir, entry));
    },
  };
}

/**
 * The page menu's selection script (src/platform/page/selection-watch.ts), as one classic script: a content
 * script registered at run time cannot be a module, and crxjs only builds the ones the manifest names.
 */
function pageScript(): Plugin {
  return {
    name: 'linq:page-script',
    apply: 'build',
    async writeBundle({ dir }) {
      if (!dir) throw new Error('page-script: the build has no output folder');
      const bundle = await rolldown({ input: 'src/platform/page/selection-watch.ts', logLevel: 'warn' });
      await bundle.write({ file: join(dir, PAGE_SCRIPT.file), format: 'iife', minify: true });
      await bundle.close();
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest }), popupInOneFile(), pageScript()],
  build: {
    target: 'chrome116',
    // Each page's HTML names every chunk its entry imports, so they load in parallel rather than one after
    // another as imports are discovered (measured: the popup's script ran ~35 ms sooner, before it became
    // one file; the panel still loads shared chunks). A lazy chunk's
    // imports are not preloaded: extension pages load from disk, so that would gain nothing.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
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
