import { describe, expect, it } from 'vitest';
import { isOwnExtensionPage } from '../../../src/core/sender.ts';
import { listenForRequests } from '../../../src/platform/worker-messages.ts';
import type { Runtime } from 'webextension-polyfill';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_PAGE = `chrome-extension://${ID}/src/popup/index.html`;

describe('isOwnExtensionPage', () => {
  it('accepts the extension\u2019s own pages', () => {
    expect(isOwnExtensionPage({ id: ID, url: OWN_PAGE, origin: `chrome-extension://${ID}` }, ID)).toBe(true);
    expect(isOwnExtensionPage({ id: ID, url: OWN_PAGE }, ID)).toBe(true);
  });
  it.each([
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }],
    ['a content script on a web page', { id: ID, url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['a look-alike URL', { id: ID, url: `chrome-extension://${ID}.evil.example/x` }],
    ['no URL', { id: ID }],
  ])('refuses %s', (_name, sender) => {
    expect(isOwnExtensionPage(sender, ID)).toBe(false);
  });
});

function capture() {
  let listener: ((message: unknown, sender: Runtime.MessageSender) => unknown) | undefined;
  const handled: unknown[] = [];
  const runtime = {
    id: ID,
    onMessage: { addListener: (fn: typeof listener) => (listener = fn) },
  } as unknown as Runtime.Static;
  listenForRequests(runtime, async (request) => {
    handled.push(request);
    return { ok: true };
  });
  return { send: (message: unknown, sender: Runtime.MessageSender) => listener!(message, sender), handled };
}

describe('listenForRequests', () => {
  it('handles a well-formed message from its own page', async () => {
    const { send, handled } = capture();
    await send({ type: 'typing.stop', chatId: 'x' }, { id: ID, url: OWN_PAGE });
    expect(handled).toEqual([{ type: 'typing.stop', chatId: 'x' }]);
  });

  it('drops strangers and malformed messages without an answer', () => {
    const { send, handled } = capture();
    expect(send({ type: 'typing.stop', chatId: 'x' }, { id: ID, url: 'https://evil.example/' })).toBeUndefined();
    expect(send({ type: 'typing.stop' }, { id: ID, url: OWN_PAGE })).toBeUndefined();
    expect(send({ type: 'history.drop' }, { id: ID, url: OWN_PAGE })).toBeUndefined();
    expect(send('typing.stop', { id: ID, url: OWN_PAGE })).toBeUndefined();
    expect(handled).toEqual([]);
  });
});
