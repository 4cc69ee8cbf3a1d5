import * as z from 'zod/mini';
import { DecodedSchema } from '../history.ts';

/**
 * One request seen in the inspected page's traffic or read from a HAR file, kept because it is Linq traffic
 * (linq-filter.ts). Everything in it is already redacted (redact.ts), bounded and escaped: it may be stored,
 * shown and copied as it is.
 */
const Header = z.tuple([z.string(), z.string()]);

export const TrafficSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page') }),
  z.object({ kind: z.literal('har'), fileName: z.string() }),
]);

export const TrafficEntrySchema = z.object({
  id: z.string(),
  source: TrafficSourceSchema,
  /** ms since the epoch. */
  startedAt: z.number(),
  durationMs: z.optional(z.number()),
  method: z.string(),
  /** Redacted: no user, password, secret-looking parameter or Bearer token. */
  url: z.string(),
  host: z.string(),
  path: z.string(),
  /** 0 when no response arrived (a failed or blocked request, as browsers record it). */
  status: z.number(),
  statusText: z.string(),
  requestHeaders: z.array(Header),
  responseHeaders: z.array(Header),
  mimeType: z.optional(z.string()),
  /** At most BODY_PREVIEW_MAX characters (src/core/linq/body-limit.ts). */
  bodyPreview: z.string(),
  bodyTruncated: z.boolean(),
  outcome: DecodedSchema,
  traceId: z.optional(z.string()),
});

export type TrafficSource = z.infer<typeof TrafficSourceSchema>;
export type TrafficEntry = z.infer<typeof TrafficEntrySchema>;
