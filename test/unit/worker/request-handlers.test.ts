import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { WORKER_PORT } from '../../../src/core/channels.ts';
import type { TypingReply } from '../../../src/core/protocol.ts';
import { createRequestHandlers } from '../../../src/background/request-handlers.ts';
import { listenForRequests } from '../../../src/platform/worker-messages.ts';
import { CHAT, storedEntry } from './fixtures.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_PAGE = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };
const ENTRY = storedEntry('e1', 1_700_000_000_000);

/** The worker's real pairing (index.ts): listenForRequests over a fake runtime, answering with `dispatch`. */
function worker() {
  const requests = createRequestHandlers();
  let onMessage: ((message: unknown, sender: Runtime.MessageSender) => unknown) | undefined;
  let onPortMessage: ((message: unknown) => void) | undefined;
  const posted: unknown[] = [];
  const runtime = {
    id: ID,
    getURL: (path: string) => `chrome-extension://${ID}/${path}`,
    onMessage: { addListener: (fn: typeof onMessage) => (onMessage = fn) },
    onConnect: {
      addListener: (fn: (port: Runtime.Port) => void) =>
        fn({
          name: WORKER_PORT,
          sender: OWN_PAGE,
          postMessage: (message: unknown) => posted.push(message),
          disconnect: () => undefined,
          onMessage: { addListener: (listener: typeof onPortMessage) => (onPortMessage = listener) },
        } as unknown as Runtime.Port),
    },
  } as unknown as Runtime.Static;
  listenForRequests(runtime, (request) => requests.dispatch(request));
  return {
    handle: requests.handle,
    dispatch: requests.dispatch,
    /** What runtime.sendMessage's listener returns: undefined means no answer at all. */
    send: (message: unknown) => onMessage!(message, OWN_PAGE) as Promise<unknown> | undefined,
    post: (id: number, request: unknown) => onPortMessage!({ id, request }),
    posted,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('handle(type, fn)', () => {
  it('calls fn with the message as its type\u2019s schema parsed it (unknown fields dropped)', async () => {
    const { handle, send } = worker();
    const seen: unknown[] = [];
    handle('typing.stop', (message) => {
      seen.push(message);
      return { ok: true, entry: ENTRY };
    });
    const reply = await send({ type: 'typing.stop', chatId: CHAT, settingsUnchanged: true, extra: 'dropped' });
    expect(seen).toEqual([{ type: 'typing.stop', chatId: CHAT, settingsUnchanged: true }]);
    expect(reply).toEqual({ ok: true, entry: ENTRY });
  });

  it.each([
    ['a missing field', { type: 'typing.stop' }],
    ['a field of the wrong type', { type: 'typing.start', chatId: 42 }],
    ['a value out of its range', { type: 'typing.rehearse', chatId: CHAT, seconds: 3_600 }],
    ['an unknown type', { type: 'history.drop' }],
    ['no type', { chatId: CHAT }],
    ['not an object', 'worker.ping'],
  ])('refuses a message with %s: fn never runs and nothing answers', async (_name, message) => {
    const { handle, send, post, posted } = worker();
    const calls: string[] = [];
    handle('typing.stop', () => (calls.push('stop'), { ok: false, message: 'no' }));
    handle('typing.start', () => (calls.push('start'), { ok: false, message: 'no' }));
    handle('typing.rehearse', () => (calls.push('rehearse'), { ok: false, message: 'no' }));
    handle('worker.ping', () => (calls.push('ping'), { ok: true }));
    expect(send(message)).toBeUndefined();
    post(1, message);
    await settle();
    expect(calls).toEqual([]);
    expect(posted).toEqual([]);
  });

  it('refuses a reply its type\u2019s reply schema does not accept, on both ways of asking', async () => {
    const { handle, send, post, posted } = worker();
    // A clear's reply where a stop's belongs: the types forbid it, so only a bug could send it.
    handle('typing.stop', () => ({ ok: true }) as unknown as TypingReply);
    handle('worker.ping', () => ({ ok: false }) as unknown as { ok: true });
    const errors: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void errors.push(args[0]);
    try {
      expect(await send({ type: 'typing.stop', chatId: CHAT })).toBeUndefined();
      post(4, { type: 'worker.ping' });
      await settle();
    } finally {
      console.error = error;
    }
    expect(posted).toEqual([{ id: 4, reply: undefined }]);
    expect(errors).toHaveLength(2);
  });

  it('passes a valid reply on as its schema parsed it, paired with the port request\u2019s id', async () => {
    const { handle, post, posted } = worker();
    handle('history.import', (message) => ({ ok: true, message: message.job, stray: 1 }) as never);
    post(9, { type: 'history.import', job: 'j1', url: 'blob:chrome-extension://x/1' });
    await settle();
    expect(posted).toEqual([{ id: 9, reply: { ok: true, message: 'j1' } }]);
  });

  it('answers undefined for a type with no handler', async () => {
    const { dispatch } = worker();
    const error = console.error;
    console.error = () => undefined;
    try {
      expect(await dispatch({ type: 'history.clear' })).toBeUndefined();
    } finally {
      console.error = error;
    }
  });

  it('infers the message and the reply from the table', () => {
    const { handle } = worker();
    handle('typing.rehearse', (message) => {
      expectTypeOf(message).toEqualTypeOf<{ chatId: string; seconds: number }>();
      return { ok: false, message: 'not now' };
    });
    handle('typing.stop', (message) => {
      expectTypeOf(message).toEqualTypeOf<{ chatId: string; settingsUnchanged?: boolean | undefined }>();
      return Promise.resolve({ ok: true as const, entry: ENTRY });
    });
    // Never called: only the compiler reads these.
    const refused = () => {
      // @ts-expect-error a rehearsal's reply is not a stop's
      handle('typing.stop', () => ({ ok: true, start: ENTRY }));
      // @ts-expect-error no such request type
      handle('history.drop', () => ({ ok: true }));
    };
    expect(refused).toBeTypeOf('function');
  });
});
