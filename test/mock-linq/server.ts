/** The mock Linq API server (`npm run mock`): lifecycle, request recording, and socket tracking. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answer } from './answer.ts';
import { newTraceId } from './responses.ts';
import { rawPath, typingChatId, hasBearer } from './route.ts';
import { DEFAULT_SLOW_MS, type RespondContext } from './scenarios.ts';

export interface RecordedRequest {
  method: string;
  /** The raw URL path as received (query string removed), e.g. /api/partner/v3/chats/abc%20d/typing. */
  path: string;
  /** The decoded, lowercased chat ID of a typing route; '' for any other path. */
  chatId: string;
  authorization: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

/** One line of the request log; deliberately carries no header values. */
export interface AnswerLog {
  method: string;
  path: string;
  authorised: boolean;
  outcome: string;
}

export interface MockLinqOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Delay of the `slow` scenario; default 3000 ms. */
  slowMs?: number;
  /** Called once per request, when its answer has been decided. */
  onAnswer?: (log: AnswerLog) => void;
}

export interface MockLinq {
  /** Origin, e.g. http://127.0.0.1:4010. Any base path under it works. */
  url: string;
  port: number;
  /** Every request, in arrival order, recorded before it is answered. */
  requests: RecordedRequest[];
  clearRequests(): void;
  /** Resolves once at least `n` requests are recorded (default timeout 2000 ms). */
  waitForRequests(n: number, timeoutMs?: number): Promise<void>;
  /** Stops listening and destroys open sockets, so hanging requests never delay shutdown. */
  close(): Promise<void>;
}

interface Waiter {
  n: number;
  resolve(): void;
  reject(error: Error): void;
}

export async function startMockLinq(opts: MockLinqOptions = {}): Promise<MockLinq> {
  const host = opts.host ?? '127.0.0.1';
  const slowMs = opts.slowMs ?? DEFAULT_SLOW_MS;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const waiters = new Set<Waiter>();

  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const record = (req: IncomingMessage, path: string, chatId: string | undefined): void => {
    requests.push({
      method: req.method ?? '',
      path,
      chatId: chatId ?? '',
      authorization: req.headers.authorization,
      headers: { ...req.headers },
      at: Date.now(),
    });
    for (const waiter of waiters) {
      if (requests.length >= waiter.n) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume(); // typing calls have no body; discard any that arrives
    const path = rawPath(req.url);
    const chatId = typingChatId(path);
    record(req, path, chatId);
    const ctx: RespondContext = { res, traceId: newTraceId(), slowMs, later, authorization: req.headers.authorization };
    const outcome = answer(req, chatId, ctx);
    opts.onAnswer?.({ method: req.method ?? '', path, authorised: hasBearer(req.headers.authorization), outcome });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    waitForRequests: (n, timeoutMs = 2000) => {
      if (requests.length >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`mock-linq: waited ${timeoutMs} ms for ${n} request(s), got ${requests.length}`));
        }, timeoutMs);
        const waiter: Waiter = {
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.add(waiter);
      });
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const waiter of waiters) waiter.reject(new Error('mock-linq: server closed'));
        waiters.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
