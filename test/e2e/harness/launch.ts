import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, DIST_DIR } from './paths.ts';
import { makeProfileDir, removeProfileDir } from './profile.ts';

const isOurs = (url: string) => url.startsWith('chrome-extension://');

/**
 * Chromium flags that load the built extension (the first is required for the second to take effect).
 * `devtools` opens DevTools for every tab, so the extension's DevTools page runs for each.
 */
export function extensionArgs(distDir: string = DIST_DIR, options: { devtools?: boolean } = {}): string[] {
  return [
    `--disable-extensions-except=${distDir}`,
    `--load-extension=${distDir}`,
    '--disable-gpu',
    '--disable-quic',
    ...(options.devtools ? ['--auto-open-devtools-for-tabs'] : []),
  ];
}
export const EXTENSION_ARGS: readonly string[] = extensionArgs();

export interface LaunchedExtension {
  context: BrowserContext;
  /** The 32-letter ID, read from the service worker's URL (it depends on the dist path). */
  extensionId: string;
  profileDir: string;
  /** Closes the browser; deletes the profile only if launch created it. */
  close(): Promise<void>;
}

/**
 * Headless Debian Chromium with the built extension. Playwright always adds --disable-extensions, so
 * --disable-extensions-except is required for --load-extension to take effect.
 * Pass `profileDir` to reuse a profile (a browser "restart"); the caller then owns that directory. `distDir`
 * loads another build than dist/ (only the page-menu test does, see harness/granted-dist.ts); `devtools` opens
 * DevTools for every tab (the page-traffic test).
 */
export async function launchExtension(
  options: { profileDir?: string; distDir?: string; devtools?: boolean } = {},
): Promise<LaunchedExtension> {
  const ownsProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? (await makeProfileDir());
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: extensionArgs(options.distDir, { devtools: options.devtools }),
  });
  try {
    const worker =
      context.serviceWorkers().find((candidate) => isOurs(candidate.url())) ??
      (await context.waitForEvent('serviceworker', {
        timeout: 15_000,
        predicate: (candidate) => isOurs(candidate.url()),
      }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      profileDir,
      async close() {
        await context.close();
        if (ownsProfile) await removeProfileDir(profileDir);
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    if (ownsProfile) await removeProfileDir(profileDir);
    throw error;
  }
}
