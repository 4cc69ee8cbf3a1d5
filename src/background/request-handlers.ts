import { REQUESTS } from '../core/protocol.ts';
import type { RequestMessage, RequestReply, RequestType, WorkerRequest } from '../core/protocol.ts';

/** The worker's answer to one request type, given its message as the protocol table parsed it. */
export type RequestHandler<T extends RequestType> = (
  message: RequestMessage<T>,
) => RequestReply<T> | Promise<RequestReply<T>>;

export interface RequestHandlers {
  /** Registers the handler of one request type (src/core/protocol.ts, REQUESTS). */
  handle<T extends RequestType>(type: T, fn: RequestHandler<T>): void;
  /**
   * Runs the handler of a request that parsed with its type's message schema (src/platform/worker-messages.ts
   * parses each one with `WorkerRequest`, built from the same table, before it gets here). The reply is
   * checked with the type's reply schema: one that fails it is refused (undefined), as the view would.
   */
  dispatch(request: WorkerRequest): Promise<unknown>;
}

export function createRequestHandlers(): RequestHandlers {
  const handlers = new Map<RequestType, (message: never) => unknown>();
  return {
    handle(type, fn) {
      handlers.set(type, fn);
    },
    async dispatch(request) {
      const fn = handlers.get(request.type);
      if (!fn) {
        console.error(`Linq Typing Inspector: no handler for ${request.type}`);
        return undefined;
      }
      const reply = REQUESTS[request.type].reply.safeParse(await fn(request as never));
      if (reply.success) return reply.data;
      console.error(`Linq Typing Inspector: refused the worker's own reply to ${request.type}`, reply.error);
      return undefined;
    },
  };
}
