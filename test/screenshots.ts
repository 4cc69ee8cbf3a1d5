/**
 * `npm run screenshots`: the README's pictures in docs/, made again from a fresh production build in Debian
 * Chromium, over real entries from the mock (success, Linq errors, a 429, an HTML 502, a timeout). Not part of
 * `npm test`. The harness reads E2E_DIST_DIR when its modules load, so it is set before they are imported.
 */
import type { Page } from 'playwright-core';

const ROOT = new URL('../', import.meta.url).pathname.replace(/\/$/, '');
const DIST = process.env.SCREENSHOTS_DIST_DIR ?? `${ROOT}/node_modules/.cache/screenshots-dist`;
process.env.E2E_DIST_DIR = DIST;

const { buildDist } = await import('./e2e/harness/build-dist.ts');
const { SPECIAL, linqErrorChat, okChat } = await import('./e2e/harness/chat-ids.ts');
const { closeSettingsDrawer, configure, setRequestTimeout } = await import('./e2e/harness/configure.ts');
const { fire } = await import('./e2e/harness/history.ts');
const { launchExtension } = await import('./e2e/harness/launch.ts');
const { DOCS_DIR } = await import('./e2e/harness/paths.ts');
const { openView, viewUrl } = await import('./e2e/harness/views.ts');
const { startMockLinq } = await import('./mock-linq/server.ts');

/** The panel as DevTools docks it, and the popup at Chrome's largest popup height. */
const PANEL_SIZES = { 'panel-bottom': { width: 1280, height: 360 }, 'panel-side': { width: 520, height: 900 } };
const CODES_SIZE = { width: 1280, height: 720 };
const POPUP_HEIGHT = 600;
/** The port in the built-in "Local mock" environment's Base URL (http://127.0.0.1:4010). */
const LOCAL_MOCK_PORT = 4010;
/** Oldest first; the last one (a 404/2001) is the latest result, selected with its details open. */
const PANEL_CHATS = [
  okChat(),
  linqErrorChat(1002),
  SPECIAL.html502,
  okChat(),
  linqErrorChat(1007),
  linqErrorChat(4005),
  okChat(),
  linqErrorChat(3006),
  okChat(),
  linqErrorChat(2001),
];

/** Writes docs/<name>.png (and docs/<name>-dark.png) at this size, with nothing focused. */
async function shoot(
  page: Page,
  name: string,
  size: { width: number; height: number },
  schemes: readonly ('light' | 'dark')[] = ['light', 'dark'],
): Promise<void> {
  await page.bringToFront();
  await page.setViewportSize(size);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    const path = `${DOCS_DIR}/${name}${scheme === 'dark' ? '-dark' : ''}.png`;
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    console.log(`wrote ${path.slice(ROOT.length + 1)} (${size.width}×${size.height})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

await buildDist(DIST, 'production');
// On the "Local mock" environment's own port when it is free, so the pictures show its default Base URL.
const mock = await startMockLinq({ port: LOCAL_MOCK_PORT }).catch(() => startMockLinq());
const extension = await launchExtension();
try {
  const panel = await openView(extension, 'panel', { viewport: { width: 1280, height: 800 } });
  await panel.getByRole('radio', { name: 'Local mock' }).check();
  const baseUrl = mock.port === LOCAL_MOCK_PORT ? undefined : mock.url;
  // A 1 s timeout for the one request that hangs, then the default again.
  await configure(panel, { baseUrl, apiKey: 'sk_screenshot_example', timeoutSeconds: 1 });
  await fire(panel, SPECIAL.hang);
  await setRequestTimeout(panel, 15);
  await closeSettingsDrawer(panel);
  for (const chatId of PANEL_CHATS) await fire(panel, chatId);
  for (const [name, size] of Object.entries(PANEL_SIZES)) await shoot(panel, name, size);

  const popup = await openView(extension, 'popup');
  await fire(popup, linqErrorChat(2001));
  const width = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().width));
  await shoot(popup, 'popup', { width, height: POPUP_HEIGHT });

  await panel.goto(`${viewUrl(extension.extensionId, 'panel')}#view=codes&code=2001`);
  await panel.locator('#code-2001[aria-current="true"]').waitFor();
  await shoot(panel, 'codes', CODES_SIZE, ['light']);
} finally {
  await extension.close();
  await mock.close();
}
