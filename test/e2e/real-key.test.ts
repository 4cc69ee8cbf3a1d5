/**
 * "Copy cURL with real key" (issue 12, F3): the key of the environment the entry was sent from, never the
 * active one's; refused once that environment's Base URL has left the entry's origin; refused for an imported
 * entry, even one whose URL is the environment's own. The button and the confirmation name the host.
 */
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { okChat } from './harness/chat-ids.ts';
import { grantClipboard, readClipboard, writeClipboard } from './harness/clipboard.ts';
import { configure } from './harness/configure.ts';
import { switchEnvironment } from './harness/environments.ts';
import { fire, historyItemFor } from './harness/history.ts';
import { openTransfer } from './harness/history-search.ts';
import { openDetails } from './harness/outcome.ts';
import { useExtensionSession } from './harness/session.ts';
import { downloadText, pickFile } from './harness/transfer.ts';
import { openView } from './harness/views.ts';

const PRODUCTION_KEY = 'sk_e2e_production_key_1';
const LOCAL_KEY = 'sk_e2e_local_key_2';

let panel: Page;
/** The mock again, under another host name: another origin for the same server. */
let otherBase: string;
let mockHost: string;
const sentChat = okChat();
const importedChat = okChat();

const session = useExtensionSession({
  apiKey: PRODUCTION_KEY,
  async setUp() {
    panel = await openView(session.extension, 'panel', {
      errors: session.errors,
      viewport: { width: 1280, height: 720 },
    });
    await grantClipboard(session.extension, panel);
    mockHost = new URL(session.baseUrl).host;
    otherBase = `http://localhost:${session.mock.port}/api/partner`;
    await configure(panel, { baseUrl: session.baseUrl, apiKey: PRODUCTION_KEY });
    await fire(panel, sentChat);
  },
});

async function realKeyPart(chatId: string): Promise<Locator> {
  const details = await openDetails(panel, historyItemFor(panel, chatId), chatId);
  const part = details.locator('details.real-key');
  if (!(await part.evaluate((element) => (element as HTMLDetailsElement).open)))
    await part.getByText('Include the real API key…').click();
  return details;
}

test("an entry sent from Production, copied while Local mock is active, gets Production's key and names its host", async () => {
  await switchEnvironment(panel, 'Local mock', { baseUrl: 'http://127.0.0.1:4010', apiKey: '' });
  await configure(panel, { baseUrl: otherBase, apiKey: LOCAL_KEY });

  const details = await realKeyPart(sentChat);
  await expect
    .poll(() => details.locator('.real-key .warning').innerText())
    .toContain(`your Production key in plain text, for ${mockHost}`);
  await writeClipboard(panel, 'before');
  await details.getByRole('button', { name: `Copy cURL with real key for ${mockHost}` }).click();
  const confirmation = `Copied the cURL command WITH your Production key for ${mockHost}. Handle it as a secret.`;
  await expect.poll(() => details.getByRole('status').textContent()).toBe(confirmation);
  const copied = await readClipboard(panel);
  expect(copied).toContain(`Bearer ${PRODUCTION_KEY}`);
  expect(copied).toContain(`${session.baseUrl}/v3/chats/${sentChat}/typing`);
  expect(copied).not.toContain(LOCAL_KEY);
});

test("once Production's Base URL points elsewhere, the entry's command gets no key, and says why", async () => {
  await switchEnvironment(panel, 'Production', { baseUrl: session.baseUrl, apiKey: PRODUCTION_KEY });
  await configure(panel, { baseUrl: otherBase });

  const details = await realKeyPart(sentChat);
  const button = details.getByRole('button', { name: 'Copy cURL with real key' });
  await expect.poll(() => button.isDisabled()).toBe(true);
  const reason = `The Production environment's Base URL now points at localhost:${session.mock.port}, not ${mockHost}, so its key is not added.`;
  expect(await details.locator('#real-key-refused').innerText()).toBe(reason);
  // The reason is the button's description, so a screen reader says why it is dimmed.
  expect(await button.getAttribute('aria-describedby')).toBe('real-key-refused');
});

test("an imported entry never gets a key, even at its environment's own Base URL", async () => {
  const transfer = await openTransfer(panel);
  const exported = await downloadText(panel, () => transfer.getByRole('button', { name: 'Export JSON' }).click());
  const file = JSON.parse(exported.text) as { entries: Array<Record<string, unknown> & { request: { url: string } }> };
  const [sent] = file.entries;
  expect(sent).toBeDefined();
  // A file naming Production, at the very address Production now has: still not sent from here.
  const forged = {
    ...sent!,
    id: `imported-${importedChat}`,
    chatId: importedChat,
    baseUrlHost: `localhost:${session.mock.port}`,
    profileId: 'production',
    request: { ...sent!.request, url: `${otherBase}/v3/chats/${importedChat}/typing` },
  };
  await pickFile(transfer.getByLabel('Import JSON'), 'forged.json', JSON.stringify({ ...file, entries: [forged] }));
  await expect.poll(() => historyItemFor(panel, importedChat).count(), { timeout: 10_000 }).toBe(1);

  const details = await realKeyPart(importedChat);
  const button = details.getByRole('button', { name: 'Copy cURL with real key' });
  await expect.poll(() => button.isDisabled()).toBe(true);
  expect(await details.locator('#real-key-refused').innerText()).toBe(
    'This entry was imported from a file, so the real key is never added to it.',
  );
  expect(await details.innerText()).not.toContain(PRODUCTION_KEY);
});
