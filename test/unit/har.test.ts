/**
 * The HAR export, checked by a maintained validator (ajv 8 with the HAR 1.2 JSON schemas of har-schema) and for
 * what the schema cannot see: sizes in UTF-8 bytes, and a body cut to its preview marked as cut.
 */
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import { BODY_PREVIEW_MAX } from '../../src/core/linq/body-limit.ts';
import { decodeOutcome } from '../../src/core/linq/decode.ts';
import { historyToHar } from '../../src/core/share/har.ts';

const require = createRequire(import.meta.url);
const schemas = require('har-schema') as Record<string, { $id: string }>;
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;

// har-schema uses a few keywords of its own ("optional", "min"): not strict. Its date pattern covers the format.
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addMetaSchema(draft06);
for (const schema of Object.values(schemas)) ajv.addSchema(schema);
const validateHar = ajv.getSchema('har.json#')!;

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const ENTRY_URL = `https://api.linqapp.com/api/partner/v3/chats/${CHAT}/typing`;

function entry(response?: HistoryEntry['response'], extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'e1',
    startedAt: Date.parse('2026-11-24T10:11:12.345Z'),
    durationMs: 87.4,
    state: 'settled',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: CHAT,
    baseUrlHost: 'api.linqapp.com',
    request: { url: ENTRY_URL, headers: [['Authorization', 'Bearer [redacted]']], timeoutMs: 15_000 },
    response,
    outcome: response
      ? decodeOutcome({ kind: 'response', ...response, body: response.bodyPreview, receivedAt: 0 })
      : decodeOutcome({ kind: 'timeout', timeoutMs: 15_000 }),
    ...extra,
  };
}

const json = (bodyPreview: string, bodyTruncated = false): NonNullable<HistoryEntry['response']> => ({
  status: 500,
  statusText: 'Internal Server Error',
  headers: [['content-type', 'application/json; charset=utf-8']],
  bodyPreview,
  bodyTruncated,
});

interface HarContent {
  size: number;
  text: string;
  comment?: string;
}
interface Har {
  log: { entries: Array<{ response: { bodySize: number; content: HarContent } }> };
}

function harOf(...entries: HistoryEntry[]): Har {
  const text = historyToHar(entries, '1.0.0');
  const har = JSON.parse(text) as Har;
  if (!validateHar(har)) throw new Error(`invalid HAR: ${ajv.errorsText(validateHar.errors)}`);
  return har;
}

describe('HAR export', () => {
  it('is valid HAR 1.2: a response, no response, an empty body, a cut body', () => {
    const har = harOf(
      entry(json('{"ok":true}')),
      entry(undefined, { state: 'settled' }),
      entry({ status: 204, statusText: 'No Content', headers: [], bodyPreview: '', bodyTruncated: false }),
      entry(json('x'.repeat(BODY_PREVIEW_MAX), true)),
    );
    expect(har.log.entries).toHaveLength(4);
  });

  it('uses a validator that does refuse a broken HAR', () => {
    type Loose = { log: { entries: Array<Record<string, unknown>> } };
    const har = JSON.parse(historyToHar([entry(json('{}'))], '1.0.0')) as Loose;
    delete har.log.entries[0]!.timings;
    expect(validateHar(har)).toBe(false);
    expect(validateHar({ log: { version: '1.2' } })).toBe(false);
  });

  it('counts content.size and bodySize in UTF-8 bytes, not characters', () => {
    const body = '{"message":"Grüße 你好 😀"}';
    const [first] = harOf(entry(json(body))).log.entries;
    const bytes = new TextEncoder().encode(body).byteLength;
    expect(bytes).toBeGreaterThan(body.length);
    expect(first?.response.content.size).toBe(bytes);
    expect(first?.response.bodySize).toBe(bytes);
    expect(first?.response.content.comment).toBeUndefined();
  });

  it('marks a body cut to its preview as cut, and does not claim its full size', () => {
    const kept = 'é'.repeat(BODY_PREVIEW_MAX);
    const [first] = harOf(entry(json(kept, true))).log.entries;
    const content = first!.response.content;
    expect(content.text).toBe(kept);
    expect(content.comment).toBe(
      `Body cut at 16 KiB: this text is its first ${BODY_PREVIEW_MAX} characters ` +
        `(${BODY_PREVIEW_MAX * 2} bytes); the full size is unknown.`,
    );
    // The size of what is here, and the body's size marked unknown (-1), as HAR says to.
    expect(content.size).toBe(BODY_PREVIEW_MAX * 2);
    expect(first!.response.bodySize).toBe(-1);
  });
});
