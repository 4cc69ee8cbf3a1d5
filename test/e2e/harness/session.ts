import { afterAll, afterEach, beforeAll, type TestContext } from 'vitest';
import { startMockLinq, type MockLinq } from '../../mock-linq/server.ts';
import { launchExtension, type LaunchedExtension } from './launch.ts';
import { PageErrors } from './page-errors.ts';

/** One browser and one mock per test file: cheap to share, and each file starts from a clean profile. */
export interface E2eSession {
  extension: LaunchedExtension;
  mock: MockLinq;
  errors: PageErrors;
  /** `${mock.url}/api/partner`, what the Base URL field is set to. */
  baseUrl: string;
  apiKey: string;
  close(): Promise<void>;
}

export interface SessionOptions {
  slowMs?: number;
  apiKey?: string;
  distDir?: string;
}

export async function startSession(options: SessionOptions = {}): Promise<E2eSession> {
  const mock = await startMockLinq({ slowMs: options.slowMs });
  let extension: LaunchedExtension;
  try {
    extension = await launchExtension({ distDir: options.distDir });
  } catch (error) {
    await mock.close();
    throw error;
  }
  return {
    extension,
    mock,
    errors: new PageErrors(),
    baseUrl: `${mock.url}/api/partner`,
    apiKey: options.apiKey ?? `sk_e2e_${Math.random().toString(36).slice(2, 12)}`,
    async close() {
      await Promise.allSettled([extension.close(), mock.close()]);
    },
  };
}

/** What a test file does around its one session, besides starting it, checking it and closing it. */
export interface SessionHooks<Session> {
  /** After the session starts, before the first test: open views, configure, seed history. */
  setUp?(session: Session): Promise<void>;
  /** After the last test, while the session is still open (for example: the key is in no page's text). */
  beforeClose?(session: Session): Promise<void>;
  /** Before the session starts: make what it needs (a copy of dist/, say), and return options it adds. */
  prepare?(): Promise<SessionOptions>;
  /** After the session is closed: remove what `prepare` made. */
  afterClose?(): Promise<void>;
}

/**
 * Registers a block's hooks around one session: `start` (which runs `prepare`) and `setUp` before its tests,
 * `afterEachTest` after each, `beforeClose`, closing and `afterClose` after all. The session closes even when
 * `beforeClose` throws.
 * Returns a stand-in that forwards to the session once it has started, so it can be declared at the top of
 * the block and used in tests and hooks.
 */
export function useSessionHooks<Session extends { close(): Promise<void> }>(
  start: () => Promise<Session>,
  hooks: Omit<SessionHooks<Session>, 'prepare'> & { afterEachTest?(session: Session, context: TestContext): unknown },
): Session {
  let current: Session | undefined;
  beforeAll(async () => {
    current = await start();
    await hooks.setUp?.(current);
  });
  afterEach(async (context) => {
    if (current) await hooks.afterEachTest?.(current, context);
  });
  afterAll(async () => {
    try {
      if (current) await hooks.beforeClose?.(current);
    } finally {
      await current?.close();
      await hooks.afterClose?.();
    }
  });
  return new Proxy({} as Session, {
    get(_standIn, property) {
      if (!current)
        throw new Error(`e2e session: ${String(property)} read before the session started (use it in tests or hooks)`);
      return Reflect.get(current, property);
    },
  });
}

/**
 * One browser and one mock for the block it is called in (a file, or a describe): started before its tests,
 * each test failed by any page error `session.errors` saw during it, closed after them.
 */
export function useExtensionSession(options: SessionOptions & SessionHooks<E2eSession> = {}): E2eSession {
  return useSessionHooks(async () => startSession({ ...options, ...(await options.prepare?.()) }), {
    ...options,
    afterEachTest: (session) => session.errors.assertNone(),
  });
}
