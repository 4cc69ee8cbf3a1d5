import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The "Environment" radio group (a fieldset with that legend). */
export function environmentGroup(page: Page): Locator {
  return page.getByRole('group', { name: 'Environment', exact: true });
}

export function environmentRadio(page: Page, name: string): Locator {
  return environmentGroup(page).getByRole('radio', { name, exact: true });
}

/** The names of the environments, in the order the group lists them. */
export async function environmentNames(page: Page): Promise<string[]> {
  const radios = environmentGroup(page).getByRole('radio');
  const names: string[] = [];
  for (const radio of await radios.all())
    names.push(((await radio.evaluate((input) => input.parentElement?.textContent)) ?? '').trim());
  return names;
}

/** The header's "Environment: <name>" line, as text. */
export async function headerEnvironment(page: Page): Promise<string> {
  return (
    (await page
      .getByRole('banner')
      .getByText(/^Environment:/)
      .textContent({ timeout: 2_000 })) ?? ''
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Switches environments with one click, and waits until the view shows that environment's own Base URL and
 * key (the key loads asynchronously: typing before it arrives could be overwritten).
 */
export async function switchEnvironment(
  page: Page,
  name: string,
  expected: { baseUrl: string; apiKey: string },
): Promise<void> {
  await page.bringToFront();
  await environmentRadio(page, name).click();
  await expectEnvironmentShown(page, name, expected);
}

export async function expectEnvironmentShown(
  page: Page,
  name: string,
  expected: { baseUrl: string; apiKey: string },
): Promise<void> {
  expect(await environmentRadio(page, name).isChecked()).toBe(true);
  await expect.poll(() => headerEnvironment(page)).toBe(`Environment: ${name}`);
  await expect.poll(() => page.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(expected.baseUrl);
  await expect.poll(() => page.getByRole('textbox', { name: 'API key' }).inputValue()).toBe(expected.apiKey);
}
