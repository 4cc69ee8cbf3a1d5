import { describe, expect, it } from 'vitest';
import { runTypingRequest } from '../../../src/background/typing-request.ts';
import type { RawOutcome } from '../../../src/core/linq/outcome.ts';
import { CHAT, makeDeps } from './fixtures.ts';

/** A key with characters that URL-encoding changes, so the encoded echo differs from the raw one. */
const KEY = 'sk_echo$SECRET+7f3a/9c';
const ENCODED = encodeURIComponent(KEY);

const echoes: Array<[string, RawOutcome]> = [
  [
    'a message quoting the key, and a header echoing Authorization',
    {
      kind: 'response',
      status: 401,
      statusText: `Bad key ${KEY}`,
      headers: [
        ['x-echo-authorization', `Bearer ${KEY}`],
        [`x-key-${KEY.toLowerCase()}`, '1'],
        ['x-trace-id', KEY],
      ],
      body: JSON.stringify({
        success: false,
        error: { status: 401, code: 2004, message: `Invalid API key: ${KEY}` },
        trace_id: KEY,
      }),
      bodyTruncated: false,
      receivedAt: 0,
    },
  ],
  ['the key URL-encoded in a redirect', { kind: 'redirect', location: `https://evil.example/login?key=${ENCODED}` }],
  ['the key in a network error', { kind: 'network', message: `proxy refused Bearer ${KEY}` }],
];

describe('the worker redacts a key the server echoes, before it replies or stores', () => {
  it.each(echoes)('%s', async (_name, raw) => {
    const { deps, keys, history } = makeDeps();
    await keys.save('production', KEY, false);
    deps.send = async () => raw;
    const { reply, stored } = await runTypingRequest('typing.stop', CHAT, deps);
    await stored;
    const texts = [
      JSON.stringify(reply),
      JSON.stringify(await history.newest(10)),
      JSON.stringify(await history.indexRows()),
    ];
    for (const text of texts) {
      expect(text).not.toContain(KEY);
      expect(text.toLowerCase()).not.toContain(KEY.toLowerCase());
      expect(text).not.toContain(ENCODED);
    }
    expect(texts[0]).toContain('[redacted]');
  });

  it('keeps the rest of the answer: the decoded code, and the server message around the key', async () => {
    const { deps, keys } = makeDeps();
    await keys.save('production', KEY, false);
    deps.send = async () => echoes[0]![1];
    const { reply } = await runTypingRequest('typing.stop', CHAT, deps);
    expect(reply).toMatchObject({
      ok: true,
      entry: { outcome: { code: 2004, serverMessage: 'Invalid API key: [redacted]', traceId: '[redacted]' } },
    });
  });
});
