import { fileURLToPath } from 'node:url';

/** Absolute paths the e2e suite relies on. The extension is loaded from the production dist/. */
export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
/** dist/ by default; E2E_DIST_DIR lets two runs on one machine use separate builds. */
export const DIST_DIR = process.env.E2E_DIST_DIR ?? `${ROOT_DIR}/dist`;
export const DOCS_DIR = `${ROOT_DIR}/docs`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where each view is built: the paths a user or script opens inside dist/. */
export const VIEW_PATHS = {
  popup: 'src/popup/index.html',
  panel: 'src/devtools/panel.html',
} as const;
export type ViewName = keyof typeof VIEW_PATHS;
