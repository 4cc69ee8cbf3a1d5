import { rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import type { Plugin, Rolldown } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { rolldown } from 'rolldown';
import manifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { PAGE_SCRIPT } from './src/core/page-script.ts';
import { firefoxManifest } from './src/platform/firefox-manifest.ts';

type Bundle = Rolldown.OutputBundle;

function chunkNamed(bundle: Bundle, fileName: string): Rolldown.OutputChunk | undefined {
  const file = bundle[fileName];
  return file?.type === 'chunk' ? file : undefined;
}

/** Every chunk reachable from `roots` through the bundle's static imports (and dynamic ones too, if asked). */
function chunkClosure(bundle: Bundle, roots: readonly string[], withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let fileName = queue.pop(); fileName !== undefined; fileName = queue.pop()) {
    const chunk = chunkNamed(bundle, fileName);
    if (!chunk || seen.has(fileName)) continue;
    seen.add(fileName);
    queue.push(...chunk.imports, ...(withDynamic ? chunk.dynamicImports : []));
  }
  return seen;
}

/** Cuts the one tag of `html` that names `/${fileName}` in `attribute` (vite writes root-relative URLs). */
function withoutTag(
  html: string,
  attribute: 'src' | 'href',
  fileName: string,
  pagePath: string,
): { html: string; tag: string } {
  const at = html.indexOf(`${attribute}="/${fileName}"`);
  const start = html.lastIndexOf('<', at);
  const end = html.indexOf('>', at);
  if (at < 0 || start < 0 || end < 0) throw new Error(`page-in-one-file: ${pagePath} does not name /${fileName}`);
  const closing = html.startsWith('</script>', end + 1) ? '</script>'.length : 0;
  return {
    html: html.slice(0, start).trimEnd() + html.slice(end + 1 + closing),
    tag: html.slice(start, end + 1 + closing),
  };
}

/**
 * The popup's script in one file, render-blocking, and its stylesheet inline. The build shares modules
 * between pages and the worker through common chunks, so the popup loaded three scripts and a stylesheet,
 * and each file an extension page loads adds to the time before it can paint (in one probe run with the
 * same history: 1.55 x the empty page with the three files, 1.43 x with one). After the build, the popup's
 * entry is bundled again with everything it imports statically; what it imports lazily stays lazy.
 *
 * Which files those are comes from the bundle's own metadata (each chunk's `imports` and `dynamicImports`).
 * A lazy chunk that can never load a chunk the popup has just inlined is imported as it is, not bundled again
 * (a second copy of it would ship); the others are bundled again, so that a lazy component uses the popup's
 * one copy of preact and its hooks, not a second one from the shared chunk.
 */
function pageInOneFile(pagePath: string, prefix: string): Plugin {
  let root = process.cwd();
  return {
    name: `linq:${prefix}-in-one-file`,
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle({ dir }, bundle) {
      if (!dir) throw new Error('page-in-one-file: the build has no output folder');
      const page = bundle[pagePath];
      const pageModule = resolve(root, pagePath);
      const entry = Object.values(bundle).find(
        (file): file is Rolldown.OutputChunk =>
          file.type === 'chunk' && file.isEntry && file.facadeModuleId === pageModule,
      );
      if (page?.type !== 'asset' || !entry)
        throw new Error(`page-in-one-file: the bundle has no ${pagePath} or no entry for it`);
      const inlined = chunkClosure(bundle, [entry.fileName], false);
      const keptAsItIs = (fileName: string) =>
        ![...chunkClosure(bundle, [fileName], true)].some((reachable) => inlined.has(reachable));
      const rebundle = await rolldown({
        input: join(dir, entry.fileName),
        logLevel: 'warn',
        preserveEntrySignatures: false,
        plugins: [
          {
            name: `linq:${prefix}-lazy-chunks-as-they-are`,
            resolveId(source, importer, { kind }) {
              if (!importer || (kind !== 'dynamic-import' && kind !== 'import-statement')) return null;
              const fileName = relative(dir, resolve(dirname(importer), source))
                .split('\\')
                .join('/');
              // A chunk the page does not inline, and that reaches nothing it does, is used as the build wrote
              // it: lazily imported, or statically by a lazy chunk bundled again (a copy would ship twice).
              const asItIs = chunkNamed(bundle, fileName) && !inlined.has(fileName) && keptAsItIs(fileName);
              return asItIs ? { id: source, external: true } : null;
            },
          },
        ],
      });
      const { output } = await rebundle.write({
        dir: join(dir, 'assets'),
        format: 'es',
        minify: !process.env.BENCH_NO_MINIFY,
        codeSplitting: {
          groups: [
            { name: `${prefix}-main`, test: (id) => inlined.has(relative(join(dir), id).split('\\').join('/')) },
          ],
        },
        entryFileNames: `${prefix}-[hash].js`,
        // By content alone: a chunk both pages' builds emit (rolldown's runtime helper) is then one file.
        chunkFileNames: 'lazy-[hash].js',
      });
      await rebundle.close();
      const inlinedCss = [...inlined].flatMap((fileName) => [
        ...(chunkNamed(bundle, fileName)?.viteMetadata?.importedCss ?? []),
      ]);
      let html = String(page.source);
      // vite preloads what the entry imports statically (build.modulePreload): all of it is inlined now.
      for (const preloaded of inlined) {
        if (preloaded !== entry.fileName && html.includes(`href="/${preloaded}"`))
          html = withoutTag(html, 'href', preloaded, pagePath).html;
      }
      // The stylesheet goes inline: one file fewer to wait for (the extension's CSP limits scripts only).
      const styles: string[] = [];
      for (const stylesheet of new Set(inlinedCss)) {
        html = withoutTag(html, 'href', stylesheet, pagePath).html;
        const css = bundle[stylesheet];
        if (css?.type === 'asset') styles.push(`<style>${String(css.source).trim()}</style>`);
      }
      // No first frame before the script has rendered the form and rows: otherwise an empty frame comes
      // first and the popup waits for the next one (probe, same build: 1.46 -> 1.36 x the empty page).
      const { tag } = withoutTag(html, 'src', entry.fileName, pagePath);
      const oneScript = tag
        .replace(`/${entry.fileName}`, `/assets/${output[0].fileName}`)
        .replace('<script type="module"', '<script type="module" blocking="render"');
      html = html.replace(tag, () => [oneScript, ...styles].join('\n    '));
      await writeFile(join(dir, pagePath), html);
      // Nothing else imports a page's entry chunk.
      await rm(join(dir, entry.fileName));
    },
  };
}

// The page menu's selection script (src/platform/page/selection-watch.ts), as one classic script: a content
// script registered at run time cannot be a module. crxjs 3 could build it too, through a `?iife` import in
// the worker, but that route also makes the file web-accessible to every site. A scratch build with
// `import file from '../platform/page/selection-watch.ts?iife'` in src/background/page-menu.ts added this to
// the manifest, so any page could load the file and so tell that the extension is installed:
//   "web_accessible_resources": [{ "matches": ["http://*/*", "https://*/*"],
//     "resources": ["src/platform/page/selection-watch.js"], "use_dynamic_url": false }]
// A content script registered through chrome.scripting needs no such entry, so the build emits the file itself.
function pageScript(): Plugin {
  let root = process.cwd();
  return {
    name: 'linq:page-script',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle() {
      const script = await rolldown({ input: join(root, 'src/platform/page/selection-watch.ts'), logLevel: 'warn' });
      const { output } = await script.generate({ format: 'iife', minify: true });
      await script.close();
      this.emitFile({ type: 'asset', fileName: PAGE_SCRIPT.file, source: output[0].code });
    },
  };
}

/** `vite build --mode firefox` (npm run build:firefox) writes dist-firefox/ from the same source. */
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const shipped = { ...manifest, version: packageJson.version };
  const buildFlags = { LINQ_FIREFOX_BUILD: JSON.stringify(firefox) };
  return {
    // src/build-flags.d.ts: Firefox-only branches are dropped from Chrome's build.
    define: buildFlags,
    plugins: [
      preact(),
      firefox ? crx({ manifest: firefoxManifest(shipped) as never, browser: 'firefox' }) : crx({ manifest: shipped }),
      pageInOneFile('src/popup/index.html', 'popup'),
      pageInOneFile('src/devtools/panel.html', 'panel'),
      pageScript(),
    ],
    build: {
      target: firefox ? 'firefox140' : 'chrome140',
      ...(firefox ? { outDir: 'dist-firefox' } : {}),
      // Each page's HTML names every chunk its entry imports, so they load in parallel rather than one after
      // another as imports are discovered (measured: the popup's script ran ~35 ms sooner, before it became
      // one file; the panel still loads shared chunks). A lazy chunk's
      // imports are not preloaded: extension pages load from disk, so that would gain nothing.
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
      },
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
          // The views' hooks and components in a DOM, over a fake InspectorClient (test/ui/fake-client.ts).
          test: {
            name: 'ui',
            include: ['test/ui/**/*.test.tsx'],
            environment: 'happy-dom',
            setupFiles: ['test/ui/setup.ts'],
          },
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
        {
          // The Firefox build (dist-firefox/) in Debian's Firefox ESR, through puppeteer-core. Its files, like
          // e2e's, run one at a time in vitest's one sequential lane, so a Firefox and a Chromium never overlap.
          test: {
            name: 'firefox',
            include: ['test/firefox/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
            globalSetup: ['test/firefox/global-setup.ts'],
          },
        },
      ],
    },
  };
});
