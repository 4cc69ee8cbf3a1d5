import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The API key must never be rendered as text in a view, only held in the masked field. */
export async function expectKeyNotInPageText(page: Page, apiKey: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(text.length).toBeGreaterThan(0);
  expect(text).not.toContain(apiKey);
}
