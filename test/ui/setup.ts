import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Without vitest's globals, testing-library cannot register its own cleanup: each test starts on an empty page.
afterEach(cleanup);

// Chrome has requestIdleCallback and happy-dom does not: the views use it for work that may wait (e.g. readying
// search once the index is in). Here "idle" is the next task.
globalThis.requestIdleCallback ??= (callback: IdleRequestCallback) =>
  setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }), 0) as unknown as number;

// The build defines it (src/build-flags.d.ts); the views render here as in Chrome's build. The Firefox-only
// helpers are tested directly (test/ui/firefox-guards.test.tsx).
Object.assign(globalThis, { LINQ_FIREFOX_BUILD: false });
