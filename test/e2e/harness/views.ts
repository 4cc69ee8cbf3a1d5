import type { Page } from 'playwright-core';
import { openSettingsDrawer } from './configure.ts';
import type { LaunchedExtension } from './launch.ts';
import type { PageErrors } from './page-errors.ts';
import { VIEW_PATHS, type ViewName } from './paths.ts';

export function viewUrl(extensionId: string, view: ViewName): string {
  return `chrome-extension://${extensionId}/${VIEW_PATHS[view]}`;
}

/**
 * Waits until a view shows its stored settings and key: the panel renders the form only after they load
 * ("Loading…" before); the popup may paint from its first-paint copy first, its key field aria-busy until
 * the stored key is in. The panel keeps its key field in the settings drawer, and shows its key status
 * ("Key: session ✓") in the toolbar instead.
 */
export async function waitForViewReady(page: Page): Promise<void> {
  await page
    .getByRole('textbox', { name: 'API key' })
    .or(page.getByRole('button', { name: /^Key: / }))
    .and(page.locator(':not([aria-busy="true"])'))
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByRole('region', { name: 'History' }).waitFor({ state: 'visible' });
  // The panel's key, Base URL and settings live in its settings drawer: the tests open it, as an operator
  // does to see them, so both views show the same fields (a test that measures the layout closes it).
  await openSettingsDrawer(page);
}

/** Opens the popup or the panel page as a tab and waits until it is ready to be typed into. */
export async function openView(
  extension: LaunchedExtension,
  view: ViewName,
  options: { errors?: PageErrors; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  // Reuse the blank tab a fresh browser opens with; a new tab costs a few hundred ms.
  const page =
    extension.context.pages().find((candidate) => candidate.url() === 'about:blank') ??
    (await extension.context.newPage());
  options.errors?.watch(page);
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.goto(viewUrl(extension.extensionId, view));
  await waitForViewReady(page);
  return page;
}

export async function reloadView(page: Page): Promise<void> {
  await page.reload();
  await waitForViewReady(page);
}
