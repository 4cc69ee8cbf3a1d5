import type { Page } from 'playwright-core';
import type { LaunchedExtension } from './launch.ts';

/**
 * The real clipboard of the browser under test (headless Chromium keeps its own). The extension's pages may
 * read it once clipboard-read is granted to the extension's origin.
 *
 * Playwright's context.grantPermissions cannot name a chrome-extension:// origin (it normalises the origin
 * with Node's URL, which calls it opaque, and Chromium then refuses "null"), so the grant goes straight to
 * CDP's Browser.grantPermissions with the origin spelled out. Chromium drops a session's permission
 * overrides when that session detaches, so the session stays open until the returned function is called
 * (or the browser closes).
 */
export async function grantClipboard(extension: LaunchedExtension, page: Page): Promise<() => Promise<void>> {
  const cdp = await extension.context.newCDPSession(page);
  await cdp.send('Browser.grantPermissions', {
    origin: `chrome-extension://${extension.extensionId}`,
    permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
  });
  return () => cdp.detach().catch(() => undefined);
}

export async function readClipboard(page: Page): Promise<string> {
  // The async clipboard API needs a focused document.
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

export async function writeClipboard(page: Page, text: string): Promise<void> {
  await page.bringToFront();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
}
