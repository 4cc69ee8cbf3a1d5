/**
 * The message schemas, loaded once on first use. Views parse every message with them but do not need them
 * to paint, so the popup opens without zod and fetches it just after. One shared promise keeps the order
 * of messages that arrive while it loads.
 */
let loading: Promise<typeof import('../core/protocol.ts')> | undefined;

export function protocol(): Promise<typeof import('../core/protocol.ts')> {
  loading ??= import('../core/protocol.ts');
  return loading;
}
