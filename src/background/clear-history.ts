import type { ClearHistoryReply } from '../core/protocol.ts';
import type { WorkerDeps } from './deps.ts';

export async function clearHistory(
  deps: Pick<WorkerDeps, 'history' | 'announce' | 'ready'>,
): Promise<ClearHistoryReply> {
  await deps.ready;
  try {
    await deps.history.clear();
    deps.announce();
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `History could not be cleared: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
