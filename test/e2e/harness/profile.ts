import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The prefix of `npm start`'s temporary profiles, in either browser. */
export const START_PROFILE_PREFIX = 'linq-start-profile-';

/** A fresh Chromium profile directory; reuse it across launches to simulate a browser restart. */
export function makeProfileDir(prefix = 'linq-e2e-profile-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeProfileDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}
