import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DOCS_DIR } from './paths.ts';
import { SCREENSHOTS } from './screenshots.ts';

/**
 * Saves docs/<name>.png for the README (e.g. "codes"). Written only with E2E_SCREENSHOTS=1.
 * Returns the path written, or undefined when screenshots are off.
 */
export async function saveDocsScreenshot(
  page: Page,
  name: string,
  viewport: { width: number; height: number },
): Promise<string | undefined> {
  if (!SCREENSHOTS) return undefined;
  await mkdir(DOCS_DIR, { recursive: true });
  await page.bringToFront();
  await page.setViewportSize(viewport);
  // Blur whatever has focus, so no focus ring or caret is frozen into the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const path = `${DOCS_DIR}/${name}.png`;
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}
