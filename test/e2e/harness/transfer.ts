import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/**
 * Files in and out of the panel: a download the page starts (Export JSON / Export HAR) read back as text,
 * and a file handed to an <input type=file> (Import JSON) the way a user picks one.
 */
export async function downloadText(
  page: Page,
  start: () => Promise<void>,
): Promise<{ fileName: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), start()]);
  const failure = await download.failure();
  if (failure !== null) throw new Error(`download of ${download.suggestedFilename()} failed: ${failure}`);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Picks a file with this name and content in a file input. */
export async function pickFile(input: Locator, fileName: string, text: string): Promise<void> {
  await input.setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}
