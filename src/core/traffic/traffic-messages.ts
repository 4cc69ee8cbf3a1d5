import * as z from 'zod/mini';
import { TrafficEntrySchema } from './traffic-entry.ts';

/**
 * What the DevTools page (which captures the inspected tab's Linq traffic for as long as DevTools is open) and
 * the Linq panel say to each other, on one BroadcastChannel per inspected tab (`trafficChannelName`). Both sides
 * parse every message with this schema: a page of the extension is the only sender, but a message that does not
 * parse is dropped, never trusted.
 */
export const NavigationSchema = z.object({
  /** Redacted, bounded and escaped, like an entry's URL. */
  url: z.string(),
  /** ms since the epoch. */
  at: z.number(),
});

export const TrafficMessageSchema = z.discriminatedUnion('type', [
  /** Panel → DevTools page: send what you hold (the panel has just opened, or reopened). */
  z.object({ type: z.literal('traffic.snapshot.request') }),
  /** DevTools page → panel: everything held, newest first; sent on request. */
  z.object({
    type: z.literal('traffic.snapshot'),
    entries: z.array(TrafficEntrySchema),
    navigations: z.array(NavigationSchema),
  }),
  /** DevTools page → panel: one more kept request. */
  z.object({ type: z.literal('traffic.entry'), entry: TrafficEntrySchema }),
  /** DevTools page → panel: the inspected page navigated. */
  z.object({ type: z.literal('traffic.navigated'), navigation: NavigationSchema }),
  /** Panel → DevTools page: the operator cleared the page traffic. */
  z.object({ type: z.literal('traffic.clear') }),
]);

export type Navigation = z.infer<typeof NavigationSchema>;
export type TrafficMessage = z.infer<typeof TrafficMessageSchema>;

/** The channel of one inspected tab: DevTools windows of other tabs hear nothing of it. */
export const trafficChannelName = (tabId: number) => `linq.traffic.${tabId}`;

export function parseTrafficMessage(data: unknown): TrafficMessage | undefined {
  const parsed = TrafficMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
