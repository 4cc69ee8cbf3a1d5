import type { RehearseReply } from '../core/protocol.ts';
import type { WorkerDeps } from './deps.ts';
import { typingRequest } from './typing-request.ts';

export interface RehearsalDeps extends WorkerDeps {
  /** Waits, keeping the worker alive meanwhile (Chrome stops a worker idle for 30 s). */
  wait(ms: number): Promise<void>;
}

/**
 * Start typing, wait, stop typing, as one rehearsal: both entries carry the same rehearsalId. The stop is
 * sent even if the start failed, so a rehearsal never leaves an indicator running that it may have started.
 */
export async function rehearse(chatId: string, seconds: number, deps: RehearsalDeps): Promise<RehearseReply> {
  const rehearsalId = deps.newId();
  const start = await typingRequest('typing.start', chatId, deps, { rehearsalId });
  if (!start.ok) return start;
  await deps.wait(seconds * 1000);
  const stop = await typingRequest('typing.stop', chatId, deps, { rehearsalId });
  if (!stop.ok) return { ok: true, start: start.entry, storeError: stop.message };
  return { ok: true, start: start.entry, stop: stop.entry, storeError: start.storeError ?? stop.storeError };
}
