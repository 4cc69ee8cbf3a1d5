import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Without vitest's globals, testing-library cannot register its own cleanup: each test starts on an empty page.
afterEach(cleanup);
