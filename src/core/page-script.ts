/**
 * The page menu's selection script as the worker registers it: its ID, and its file in the built extension.
 * Shared by the worker (src/background/page-menu.ts) and the build (vite.config.ts), which writes that file.
 */
export const PAGE_SCRIPT = { id: 'linq-selection-watch', file: 'page/selection-watch.js' } as const;
