import * as z from 'zod/mini';

/**
 * The parts of a HAR 1.2 entry that are read, as Chrome, Firefox and other tools write them. Only what a
 * request cannot do without is required (its start, method, URL and status); anything else of the wrong type
 * reads as absent, and fields not named here are ignored.
 */
const optionalString = z.catch(z.optional(z.string()), undefined);

export const HarHeaderShape = z.object({ name: z.string(), value: z.string() });

/** Read item by item (harHeaders): a list is not copied for entries whose headers are never read. */
const HeaderList = z.optional(z.unknown());

export const HarEntryShape = z.object({
  startedDateTime: z.string(),
  time: z.catch(z.optional(z.number()), undefined),
  request: z.object({ method: z.string(), url: z.string(), headers: HeaderList }),
  response: z.object({
    status: z.number(),
    statusText: z.catch(z.string(), ''),
    headers: HeaderList,
    content: z.catch(z.object({ mimeType: optionalString, text: optionalString, encoding: optionalString }), () => ({
      mimeType: undefined,
      text: undefined,
      encoding: undefined,
    })),
    /** Chrome's reason for a request that got no response. */
    _error: optionalString,
  }),
});

export type HarEntry = z.infer<typeof HarEntryShape>;

/**
 * The first `max` headers that have a string name and value; a malformed one is left out, not the entry, and
 * a list that is not a list reads as none.
 */
export function harHeaders(list: unknown, max: number): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (!Array.isArray(list)) return pairs;
  for (const item of list as unknown[]) {
    if (pairs.length >= max) break;
    const header = HarHeaderShape.safeParse(item);
    if (header.success) pairs.push([header.data.name, header.data.value]);
  }
  return pairs;
}
