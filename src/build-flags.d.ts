/**
 * True in the Firefox build (`vite build --mode firefox`), false in Chrome's. vite.config.ts defines it, so the
 * minifier drops a Firefox-only branch from Chrome's build whole: its bytes stay as they were.
 */
declare const LINQ_FIREFOX_BUILD: boolean;
