import { describe, expect, it } from 'vitest';
import { WORKER_PORT } from '../../../src/core/channels.ts';
import { createWorkerChannel, type PortLike } from '../../../src/platform/worker-channel.ts';

/** Ports as chrome.runtime.connect hands them to a view; the test plays the worker. */
function fakeRuntime() {
  const ports: Array<{
    name: string;
    received: unknown[];
    reply(message: unknown): void;
    close(): void;
    dead: boolean;
  }> = [];
  const connect = (name: string): PortLike => {
    const onMessage: Array<(message: unknown) => void> = [];
    const onDisconnect: Array<() => void> = [];
    const record = {
      name,
      received: [] as unknown[],
      dead: false,
      reply: (message: unknown) => onMessage.forEach((listener) => listener(message)),
      close: () => {
        record.dead = true;
        onDisconnect.forEach((listener) => listener());
      },
    };
    ports.push(record);
    return {
      postMessage: (message) => {
        if (record.dead) throw new Error('Attempting to use a disconnected port object');
        record.received.push(message);
      },
      disconnect: () => undefined,
      onMessage: { addListener: (listener) => onMessage.push(listener) },
      onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
    };
  };
  return { ports, connect };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a view\u2019s channel to the worker', () => {
  it('opens one named port on first use and pairs each reply with its request by id', async () => {
    const runtime = fakeRuntime();
    const channel = createWorkerChannel(runtime.connect);
    expect(runtime.ports).toHaveLength(0);
    const first = channel.request({ type: 'worker.ping' });
    const second = channel.request({ type: 'typing.stop', chatId: 'x' });
    expect(runtime.ports.map((port) => port.name)).toEqual([WORKER_PORT]);
    expect(runtime.ports[0]!.received).toEqual([
      { id: 0, request: { type: 'worker.ping' } },
      { id: 1, request: { type: 'typing.stop', chatId: 'x' } },
    ]);
    runtime.ports[0]!.reply({ id: 1, reply: { ok: true, entry: 'second' } });
    runtime.ports[0]!.reply({ id: 0, reply: { ok: true } });
    expect(await second).toEqual({ ok: true, entry: 'second' });
    expect(await first).toEqual({ ok: true });
  });

  it('ignores replies that do not parse or match no request', async () => {
    const runtime = fakeRuntime();
    const channel = createWorkerChannel(runtime.connect);
    let answered = false;
    const pending = channel.request({ type: 'worker.ping' }).then(() => (answered = true));
    runtime.ports[0]!.reply({ id: 'zero', reply: {} });
    runtime.ports[0]!.reply({ id: 9, reply: {} });
    runtime.ports[0]!.reply('hello');
    await tick();
    expect(answered).toBe(false);
    runtime.ports[0]!.reply({ id: 0, reply: { ok: true } });
    await pending;
    expect(answered).toBe(true);
  });

  it('fails the waiting requests when the worker goes away, then opens a new port for the next', async () => {
    const runtime = fakeRuntime();
    const channel = createWorkerChannel(runtime.connect);
    const lost = channel.request({ type: 'typing.stop', chatId: 'x' });
    runtime.ports[0]!.close();
    await expect(lost).rejects.toThrow(/closed the connection/);
    const next = channel.request({ type: 'worker.ping' });
    expect(runtime.ports).toHaveLength(2);
    runtime.ports[1]!.reply({ id: 1, reply: { ok: true } });
    expect(await next).toEqual({ ok: true });
  });

  it('resends on a new port when the old one died before Chrome said so', async () => {
    const runtime = fakeRuntime();
    const channel = createWorkerChannel(runtime.connect);
    void channel.request({ type: 'worker.ping' }).catch(() => undefined);
    runtime.ports[0]!.dead = true;
    const next = channel.request({ type: 'worker.ping' });
    expect(runtime.ports).toHaveLength(2);
    expect(runtime.ports[1]!.received).toEqual([{ id: 1, request: { type: 'worker.ping' } }]);
    runtime.ports[1]!.reply({ id: 1, reply: { ok: true } });
    expect(await next).toEqual({ ok: true });
  });
});
