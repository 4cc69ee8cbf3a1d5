import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { build } from 'vite';
import { BUILD_DIR, EMPTY_PAGE, LOAD_DIR, MODULE_PAGE, ROOT_DIR } from './dirs.ts';

/** Builds the production extension into BUILD_DIR, then copies it to LOAD_DIR with an empty page added. */
export async function buildExtension(): Promise<void> {
  await build({
    root: ROOT_DIR,
    configFile: `${ROOT_DIR}/vite.config.ts`,
    logLevel: 'warn',
    mode: 'production',
    build: { outDir: BUILD_DIR, emptyOutDir: true, minify: process.env.BENCH_NO_MINIFY ? false : undefined },
  });
  await rm(LOAD_DIR, { recursive: true, force: true });
  await cp(BUILD_DIR, LOAD_DIR, { recursive: true });
  await mkdir(`${LOAD_DIR}/bench`, { recursive: true });
  await writeFile(`${LOAD_DIR}/${EMPTY_PAGE}`, '<!doctype html><title>empty</title>\n');
  await writeFile(
    `${LOAD_DIR}/${MODULE_PAGE}`,
    '<!doctype html><title>module</title><script type="module" src="module.js"></script>\n',
  );
  await writeFile(`${LOAD_DIR}/bench/module.js`, 'document.title = "module loaded";\n');
}
