import type { Ask, RequestMessage, RequestReply, RequestType, WorkerRequest } from '../core/protocol.ts';
import { protocol } from './lazy-protocol.ts';
import type { WorkerChannel } from './worker-channel.ts';

/** How a reply schema is used here: TypeScript cannot follow `REQUESTS[type]` for a generic `type`. */
type ReplySchema = { safeParse(value: unknown): { success: boolean; data?: unknown } };

/**
 * `ask` over a view's port: sends `{type, ...message}` and parses the reply with the reply schema of that
 * type in the protocol table (src/core/protocol.ts, REQUESTS). `onWorkerGone` runs when the worker went
 * away before answering (the port closed).
 */
export function createAsk(channel: WorkerChannel, onWorkerGone: () => void): Ask {
  return async <T extends RequestType>(type: T, message: RequestMessage<T>) => {
    let reply: unknown;
    try {
      reply = await channel.request({ type, ...message } as WorkerRequest);
    } catch {
      onWorkerGone();
      return undefined;
    }
    // The schemas load on first use, so a view paints without zod (src/platform/lazy-protocol.ts).
    const schema: ReplySchema = (await protocol()).REQUESTS[type].reply;
    const parsed = schema.safeParse(reply);
    return parsed.success ? (parsed.data as RequestReply<T>) : undefined;
  };
}
