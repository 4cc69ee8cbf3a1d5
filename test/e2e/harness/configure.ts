import type { Page } from 'playwright-core';
import { readExtensionStorage } from './storage.ts';
import { keyIn, storedActiveProfile, storedSettings } from './stored.ts';
import { waitUntil } from './wait.ts';

export interface ViewConfig {
  baseUrl?: string;
  apiKey?: string;
  /** Ticks or unticks "Remember key on this device" before the key is typed. */
  remember?: boolean;
  timeoutSeconds?: number;
}

/**
 * Fills the settings the way an operator does (they apply on change), then waits until chrome.storage holds
 * them, so another view or the worker reads the same values.
 */
export async function configure(page: Page, config: ViewConfig): Promise<void> {
  // A background tab's frames are throttled, which makes every click wait ~1 s for a stable element.
  await page.bringToFront();
  await openSettingsDrawer(page);
  if (config.remember !== undefined) {
    await page.getByRole('checkbox', { name: 'Remember key on this device' }).setChecked(config.remember);
  }
  if (config.baseUrl !== undefined) {
    const field = page.getByRole('textbox', { name: 'Base URL' });
    await field.fill(config.baseUrl);
    await field.blur();
  }
  if (config.apiKey !== undefined) {
    const field = page.getByRole('textbox', { name: 'API key' });
    await field.fill(config.apiKey);
    await field.blur();
  }
  if (config.timeoutSeconds !== undefined) await setRequestTimeout(page, config.timeoutSeconds);

  let last = '';
  await waitUntil(
    async () => {
      const { local, session } = await readExtensionStorage(page);
      const settings = storedSettings(local);
      const profile = storedActiveProfile(local);
      const profileId = profile?.id ?? 'production';
      const storedKey = config.remember
        ? keyIn(local, profileId)
        : (keyIn(session, profileId) ?? keyIn(local, profileId));
      last = JSON.stringify(settings);
      return (
        (config.baseUrl === undefined || profile?.baseUrl === config.baseUrl) &&
        (config.apiKey === undefined || (storedKey ?? '') === config.apiKey) &&
        (config.remember === undefined || profile?.rememberKey === config.remember) &&
        (config.timeoutSeconds === undefined || settings.timeoutMs === config.timeoutSeconds * 1000)
      );
    },
    { message: 'settings did not reach chrome.storage', describe: () => `stored settings: ${last}` },
  );
}

/**
 * The panel keeps the key, Base URL and the rest in a settings drawer its toolbar opens ("Settings", or the
 * key status); the popup shows them at once. Opens the drawer if there is one and it is closed.
 */
export async function openSettingsDrawer(page: Page): Promise<void> {
  const drawer = page.getByRole('button', { name: 'Settings', exact: true });
  if ((await drawer.count()) > 0 && (await drawer.getAttribute('aria-expanded')) === 'false') await drawer.click();
}

/** Closes the panel's settings drawer, if it is open (the popup has none). */
export async function closeSettingsDrawer(page: Page): Promise<void> {
  const drawer = page.getByRole('button', { name: 'Settings', exact: true });
  if ((await drawer.count()) > 0 && (await drawer.getAttribute('aria-expanded')) === 'true') await drawer.click();
}

/** Opens the folded "Settings" and sets "Request timeout (seconds)". */
export async function setRequestTimeout(page: Page, seconds: number): Promise<void> {
  const field = page.getByRole('spinbutton', { name: 'Request timeout (seconds)' });
  if (!(await field.isVisible())) await page.getByText('Settings', { exact: true }).click();
  await field.fill(String(seconds));
  await field.blur();
}
