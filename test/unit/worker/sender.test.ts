import { describe, expect, it } from 'vitest';
import { isOwnExtensionPage } from '../../../src/core/sender.ts';
import { listenForRequests } from '../../../src/platform/worker-messages.ts';
import type { Runtime } from 'webextension-polyfill';
import { WORKER_PORT } from '../../../src/core/channels.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_PAGE = `chrome-extension://${ID}/src/popup/index.html`;
const CHROME = { id: ID, baseUrl: `chrome-extension://${ID}/` };
// Firefox: runtime.id is the gecko id, and the pages live under a per-install UUID that does not contain it.
const GECKO_ID = 'linq-typing-inspector@linqapp.com';
const UUID = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';
const FIREFOX = { id: GECKO_ID, baseUrl: `moz-extension://${UUID}/` };
const FIREFOX_PAGE = `moz-extension://${UUID}/src/popup/index.html`;

describe('isOwnExtensionPage', () => {
  it('accepts the extension\u2019s own pages', () => {
    expect(isOwnExtensionPage({ id: ID, url: OWN_PAGE, origin: `chrome-extension://${ID}` }, CHROME)).toBe(true);
    expect(isOwnExtensionPage({ id: ID, url: OWN_PAGE }, CHROME)).toBe(true);
  });

  it('accepts Firefox\u2019s own pages at moz-extension://<uuid>/, by the origin runtime.getURL gives', () => {
    expect(isOwnExtensionPage({ id: GECKO_ID, url: FIREFOX_PAGE, origin: `moz-extension://${UUID}` }, FIREFOX)).toBe(
      true,
    );
    expect(isOwnExtensionPage({ id: GECKO_ID, url: FIREFOX_PAGE }, FIREFOX)).toBe(true);
  });

  it.each([
    [
      'a page of another Firefox add-on',
      { id: GECKO_ID, url: 'moz-extension://0000aaaa-1111-4222-8333-444455556666/x.html' },
    ],
    ['a URL built from the gecko id', { id: GECKO_ID, url: `moz-extension://${GECKO_ID}/src/popup/index.html` }],
    ['a Chrome-style URL in Firefox', { id: GECKO_ID, url: `chrome-extension://${GECKO_ID}/x.html` }],
    ['a web page in Firefox', { id: GECKO_ID, url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['another add-on\u2019s id at our UUID', { id: 'other@example.com', url: FIREFOX_PAGE }],
    ['a look-alike host', { id: GECKO_ID, url: `moz-extension://${UUID}.evil.example/x` }],
  ])('in Firefox, refuses %s', (_name, sender) => {
    expect(isOwnExtensionPage(sender, FIREFOX)).toBe(false);
  });
  it.each([
    [
      'another extension',
      { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' },
    ],
    ['a content script on a web page', { id: ID, url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['a look-alike URL', { id: ID, url: `chrome-extension://${ID}.evil.example/x` }],
    ['no URL', { id: ID }],
  ])('refuses %s', (_name, sender) => {
    expect(isOwnExtensionPage(sender, CHROME)).toBe(false);
  });
});

type PortListener = (message: unknown) => void;

/** A port as the worker sees it in onConnect, recording what the worker posts back. */
function fakePort(name: string, sender: Runtime.MessageSender) {
  let onMessage: PortListener | undefined;
  const posted: unknown[] = [];
  let disconnected = false;
  const port = {
    name,
    sender,
    postMessage: (message: unknown) => posted.push(message),
    disconnect: () => (disconnected = true),
    onMessage: { addListener: (fn: PortListener) => (onMessage = fn) },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Runtime.Port;
  return { port, posted, send: (message: unknown) => onMessage?.(message), isDisconnected: () => disconnected };
}

function capture(handler: (request: unknown) => Promise<unknown> = async () => ({ ok: true })) {
  let listener: ((message: unknown, sender: Runtime.MessageSender) => unknown) | undefined;
  let onConnect: ((port: Runtime.Port) => void) | undefined;
  const handled: unknown[] = [];
  const runtime = {
    id: ID,
    getURL: (path: string) => `chrome-extension://${ID}/${path}`,
    onMessage: { addListener: (fn: typeof listener) => (listener = fn) },
    onConnect: { addListener: (fn: typeof onConnect) => (onConnect = fn) },
  } as unknown as Runtime.Static;
  listenForRequests(runtime, async (request) => {
    handled.push(request);
    return handler(request);
  });
  return {
    send: (message: unknown, sender: Runtime.MessageSender) => listener!(message, sender),
    connect: (name: string, sender: Runtime.MessageSender) => {
      const port = fakePort(name, sender);
      onConnect!(port.port);
      return port;
    },
    handled,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

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

  it('answers a view\u2019s port request with its id, and only that view\u2019s port', async () => {
    const { connect, handled } = capture(async () => ({ ok: true, answer: 42 }));
    const view = connect(WORKER_PORT, { id: ID, url: OWN_PAGE });
    view.send({ id: 7, request: { type: 'typing.stop', chatId: 'x', settingsUnchanged: true } });
    await settle();
    expect(handled).toEqual([{ type: 'typing.stop', chatId: 'x', settingsUnchanged: true }]);
    expect(view.posted).toEqual([{ id: 7, reply: { ok: true, answer: 42 } }]);
    expect(view.isDisconnected()).toBe(false);
  });

  it('disconnects ports from strangers or under another name, and drops malformed port messages', async () => {
    const { connect, handled } = capture();
    expect(connect(WORKER_PORT, { id: ID, url: 'https://evil.example/' }).isDisconnected()).toBe(true);
    expect(connect('something-else', { id: ID, url: OWN_PAGE }).isDisconnected()).toBe(true);
    const view = connect(WORKER_PORT, { id: ID, url: OWN_PAGE });
    view.send({ id: 1, request: { type: 'history.drop' } });
    view.send({ id: -1, request: { type: 'worker.ping' } });
    view.send({ type: 'worker.ping' });
    await settle();
    expect(handled).toEqual([]);
    expect(view.posted).toEqual([]);
  });

  it('still answers when the handler fails, with no reply a schema accepts', async () => {
    const { connect } = capture(async () => {
      throw new Error('store exploded');
    });
    const view = connect(WORKER_PORT, { id: ID, url: OWN_PAGE });
    view.send({ id: 3, request: { type: 'worker.ping' } });
    await settle();
    expect(view.posted).toEqual([{ id: 3, reply: undefined }]);
  });
});
