import * as z from 'zod/mini';

/**
 * What the page menu's worker knows, kept in storage.session: Chrome stops an idle worker, and the next one
 * must still know which tab holds which chat and what the item shows, or a tab switch after a restart would
 * hide the item on a page whose selection holds a chat. Apart from src/core/page-menu.ts so that the views,
 * which import the page menu's sites, do not load zod before their first paint.
 */
export const PageMenuSnapshot = z.object({
  chatByTab: z.array(z.tuple([z.number(), z.string()])),
  activeTab: z.optional(z.number()),
  shown: z.optional(z.object({ visible: z.boolean(), title: z.string() })),
});
export type PageMenuSnapshot = z.infer<typeof PageMenuSnapshot>;

/** What an earlier worker saved, or undefined when there is none or it does not parse. */
export function readPageMenuSnapshot(saved: unknown): PageMenuSnapshot | undefined {
  const parsed = PageMenuSnapshot.safeParse(saved);
  return parsed.success ? parsed.data : undefined;
}
