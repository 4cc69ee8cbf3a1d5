import { WORKER_PORT } from '../core/channels.ts';
import type { PortRequest, WorkerRequest } from '../core/protocol.ts';
import { protocol } from './lazy-protocol.ts';

/** The slice of chrome.runtime.Port a view uses. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface WorkerChannel {
  /** The worker's raw reply; rejects when the worker went away before answering. */
  request(message: WorkerRequest): Promise<unknown>;
}

interface Waiting {
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

interface OpenPort {
  port: PortLike;
  /** Requests sent on this port, by id, until their reply arrives or the port closes. */
  waiting: Map<number, Waiting>;
}

/**
 * A view's one long-lived port to the worker, opened on first use. Chrome stops an idle worker, which closes
 * the port: requests still waiting on it then fail (the caller wakes a new worker, which reconciles), and the
 * next request opens a new port, which starts a new worker.
 */
export function createWorkerChannel(connect: (name: string) => PortLike): WorkerChannel {
  let current: OpenPort | undefined;
  let nextId = 0;

  const open = (): OpenPort => {
    const opened: OpenPort = { port: connect(WORKER_PORT), waiting: new Map() };
    opened.port.onMessage.addListener((message) => {
      void protocol().then(({ PortReply }) => {
        const parsed = PortReply.safeParse(message);
        if (!parsed.success) return;
        opened.waiting.get(parsed.data.id)?.resolve(parsed.data.reply);
        opened.waiting.delete(parsed.data.id);
      });
    });
    opened.port.onDisconnect.addListener(() => {
      if (current === opened) current = undefined;
      const gone = new Error('The worker closed the connection before answering');
      for (const request of opened.waiting.values()) request.reject(gone);
      opened.waiting.clear();
    });
    return opened;
  };

  const post = (envelope: PortRequest, waiter: Waiting) => {
    current ??= open();
    try {
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a runtime Port has no target origin
      current.port.postMessage(envelope);
    } catch {
      // The port died and Chrome has not told us yet: nothing was delivered, so one new port may carry it.
      current = open();
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a runtime Port has no target origin
      current.port.postMessage(envelope);
    }
    current.waiting.set(envelope.id, waiter);
  };

  return {
    request(message) {
      const id = nextId++;
      return new Promise<unknown>((resolve, reject) => {
        try {
          post({ id, request: message }, { resolve, reject });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  };
}
