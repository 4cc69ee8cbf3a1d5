import { fileURLToPath } from 'node:url';

/**
 * The bench's private folders. Other engineers run the e2e suite on ./dist at the same time, so the bench
 * never touches it: it builds into BUILD_DIR and loads a copy (LOAD_DIR) that also holds bench/empty.html.
 * This module imports nothing from the e2e harness, so run.ts can set E2E_DIST_DIR before the harness loads.
 */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
// BENCH_DIR moves both folders elsewhere, so two people can run the bench at once.
const CACHE_DIR = process.env.BENCH_DIR ?? `${ROOT_DIR}/node_modules/.cache`;
/** The production build, exactly as `npm run build` makes it: sizes are read here. */
export const BUILD_DIR = `${CACHE_DIR}/bench-dist`;
/** The copy Chromium loads: the same files plus an empty page of the same origin to compare against. */
export const LOAD_DIR = `${CACHE_DIR}/bench-extension`;
export const EMPTY_PAGE = 'bench/empty.html';
/** A reference, not a budget: a page whose only content is one tiny module script, as the views are built. */
export const MODULE_PAGE = 'bench/module.html';
export const RESULTS_FILE = `${ROOT_DIR}/bench-results.json`;
