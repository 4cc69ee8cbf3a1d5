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

export async function startSession(options: { slowMs?: number; apiKey?: string; distDir?: string } = {}): Promise<E2eSession> {
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
