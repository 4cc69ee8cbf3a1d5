import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DOCS_DIR } from './paths.ts';

/** README screenshots are taken only on request (E2E_SCREENSHOTS=1), so normal runs write nothing. */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1';

export async function saveReadmeScreenshot(
  page: Page,
  name: 'popup' | 'panel',
  viewport: { width: number; height: number },
): Promise<void> {
  if (!SCREENSHOTS) return;
  await mkdir(DOCS_DIR, { recursive: true });
  await page.setViewportSize(viewport);
  // Blur whatever has focus, so no focus ring or caret is frozen into the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${DOCS_DIR}/${name}.png`, animations: 'disabled', caret: 'hide' });
}
