import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ClearHistoryReply, RehearseReply, TypingReply, WorkerRequest } from '../../../src/core/protocol.ts';
import { createAsk } from '../../../src/platform/ask.ts';
import type { WorkerChannel } from '../../../src/platform/worker-channel.ts';
import { CHAT, storedEntry } from './fixtures.ts';

const ENTRY = storedEntry('e1', 1_700_000_000_000);

/** A channel whose worker answers every request with `reply`, or is gone when `reply` is an Error. */
function channelAnswering(reply: unknown) {
  const sent: WorkerRequest[] = [];
  let gone = 0;
  const channel: WorkerChannel = {
    request: async (message) => {
      sent.push(message);
      if (reply instanceof Error) throw reply;
      return reply;
    },
  };
  return { ask: createAsk(channel, () => (gone += 1)), sent, gone: () => gone };
}

describe('ask(type, message)', () => {
  it('sends {type, ...message} and resolves with the reply as its type\u2019s schema parsed it', async () => {
    const { ask, sent } = channelAnswering({ ok: true, entry: ENTRY, stray: 'dropped' });
    expect(await ask('typing.stop', { chatId: CHAT, settingsUnchanged: true })).toEqual({ ok: true, entry: ENTRY });
    expect(sent).toEqual([{ type: 'typing.stop', chatId: CHAT, settingsUnchanged: true }]);
  });

  it.each([
    ['a reply that fails its schema', 'typing.stop', { ok: true }],
    ['a reply of another type (a clear\u2019s for a start)', 'typing.start', { ok: true, message: 'cleared' }],
    ['a ping reply that is not ok', 'worker.ping', { ok: false }],
    ['no reply (the handler failed)', 'worker.ping', undefined],
  ] as const)('refuses %s: undefined', async (_name, type, reply) => {
    const { ask, gone } = channelAnswering(reply);
    expect(await ask(type, { chatId: CHAT })).toBeUndefined();
    expect(gone()).toBe(0);
  });

  it('resolves undefined and reports the worker gone when the port closed before the reply', async () => {
    const { ask, gone } = channelAnswering(new Error('The worker closed the connection before answering'));
    expect(await ask('history.clear', {})).toBeUndefined();
    expect(gone()).toBe(1);
  });

  it('infers the message and the reply from the table', () => {
    const { ask } = channelAnswering(undefined);
    expectTypeOf(ask('typing.stop', { chatId: CHAT })).resolves.toEqualTypeOf<TypingReply | undefined>();
    const rehearsal = ask('typing.rehearse', { chatId: CHAT, seconds: 5 });
    expectTypeOf(rehearsal).resolves.toEqualTypeOf<RehearseReply | undefined>();
    expectTypeOf(ask('history.clear', {})).resolves.toEqualTypeOf<ClearHistoryReply | undefined>();
    expectTypeOf(ask('worker.ping', {})).resolves.toEqualTypeOf<{ ok: true } | undefined>();
    // Never called: only the compiler reads these.
    const refused = () => [
      // @ts-expect-error a stop needs its chat ID
      ask('typing.stop', {}),
      // @ts-expect-error seconds is a number
      ask('typing.rehearse', { chatId: CHAT, seconds: '5' }),
      // @ts-expect-error no such request type
      ask('history.drop', {}),
    ];
    expect(refused).toBeTypeOf('function');
  });
});
