import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_HEADERS,
  credentialFree,
  redactBearerTokens,
  redactTrafficHeader,
  redactUrl,
} from '../../src/core/traffic/redact.ts';
import { trafficHeaders } from '../../src/core/traffic/make-entry.ts';

const TOKEN = 'sk_live_9f8e7d6c5b4a';

/** Every spelling of a header name a browser or a tool writes. */
const spellings = (name: string) => [
  name,
  name.toUpperCase(),
  name.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase()),
];

describe('captured headers', () => {
  it('replaces every credential header, whatever its case', () => {
    for (const name of CREDENTIAL_HEADERS) {
      for (const spelled of spellings(name)) {
        const redacted = redactTrafficHeader(spelled, `Bearer ${TOKEN}`);
        expect(redacted, spelled).not.toContain(TOKEN);
        expect(redacted, spelled).toContain('[redacted]');
      }
    }
  });

  it('keeps the scheme word of an Authorization value, and nothing else of it', () => {
    expect(redactTrafficHeader('Authorization', `Bearer ${TOKEN}`)).toBe('Bearer [redacted]');
    expect(redactTrafficHeader('authorization', 'Basic dXNlcjpwYXNz')).toBe('Basic [redacted]');
    expect(redactTrafficHeader('Proxy-Authorization', 'Digest username="a", response="b"')).toBe('Digest [redacted]');
    // No scheme: the value is all credential.
    expect(redactTrafficHeader('Authorization', TOKEN)).toBe('[redacted]');
    expect(redactTrafficHeader('Cookie', `session=${TOKEN}; theme=dark`)).toBe('[redacted]');
    expect(redactTrafficHeader('set-cookie', `sid=${TOKEN}; HttpOnly`)).toBe('[redacted]');
    expect(redactTrafficHeader('X-API-Key', TOKEN)).toBe('[redacted]');
  });

  it('replaces secret-looking headers of other names', () => {
    for (const name of ['X-Auth-Token', 'x-csrf-token', 'X-Session-Id', 'x-client-secret']) {
      expect(redactTrafficHeader(name, TOKEN), name).toBe('[redacted]');
    }
    expect(redactTrafficHeader('Content-Type', 'application/json')).toBe('application/json');
    expect(redactTrafficHeader('x-trace-id', 'trace-123')).toBe('trace-123');
  });

  it('leaves no Bearer token in any header value, whatever the header', () => {
    const values = [
      `Bearer ${TOKEN}`,
      `bearer ${TOKEN}`,
      `BEARER\t${TOKEN}`,
      `realm="x", Bearer ${TOKEN}`,
      `Bearer ${TOKEN}, Bearer ${TOKEN}2`,
      `"Bearer ${TOKEN}"`,
      `forwarded: Bearer  ${TOKEN}`,
    ];
    for (const name of ['X-Forwarded-Authorization', 'X-Original-Header', 'Via', 'WWW-Authenticate', 'authorization']) {
      for (const value of values) {
        const redacted = redactTrafficHeader(name, value);
        expect(redacted, `${name}: ${value}`).not.toContain(TOKEN);
        // Whatever follows "Bearer " is the marker.
        for (const match of redacted.matchAll(/bearer\s+(\S*)/gi)) expect(match[1]).toMatch(/^\[redacted\]/);
      }
    }
  });

  it('redacts a URL-carrying header as a URL', () => {
    expect(redactTrafficHeader(':path', `/v3/chats?access_token=${TOKEN}&page=2`)).toBe(
      '/v3/chats?access_token=[redacted]&page=2',
    );
    expect(redactTrafficHeader('Referer', `https://app.example/cb#access_token=${TOKEN}`)).not.toContain(TOKEN);
    expect(redactTrafficHeader('Location', `https://u:${TOKEN}@example.com/`)).not.toContain(TOKEN);
  });

  it('bounds and escapes names and values after redacting them', () => {
    const [pair] = trafficHeaders([['X-Note\u202e', `a\r\nX-Injected: yes ${'x'.repeat(10_000)}`]]);
    expect(pair![0]).toBe('X-Note\\u{202e}');
    expect(pair![1]).toContain('a\\u{d}\\u{a}X-Injected');
    expect(pair![1].length).toBeLessThanOrEqual(4097);
    expect(trafficHeaders(Array.from({ length: 500 }, (_, i) => [`h${i}`, 'v']))).toHaveLength(100);
  });
});

describe('URLs', () => {
  it('replaces the values of token-, key- and auth-like query parameters', () => {
    const url = `https://api.example.com/x?token=${TOKEN}&api_key=${TOKEN}&apiKey=${TOKEN}&access_token=${TOKEN}&authorization=${TOKEN}&key=${TOKEN}&page=3&q=hello`;
    const redacted = redactUrl(url);
    expect(redacted).not.toContain(TOKEN);
    expect(redacted).toBe(
      'https://api.example.com/x?token=[redacted]&api_key=[redacted]&apiKey=[redacted]&access_token=[redacted]&authorization=[redacted]&key=[redacted]&page=3&q=hello',
    );
  });

  it('reads encoded parameter names, the fragment, and the user and password', () => {
    expect(redactUrl(`https://x.example/?access%5Ftoken=${TOKEN}`)).toBe(
      'https://x.example/?access%5Ftoken=[redacted]',
    );
    expect(redactUrl(`https://x.example/cb#state=1&id_token=${TOKEN}`)).toBe(
      'https://x.example/cb#state=1&id_token=[redacted]',
    );
    expect(redactUrl(`https://user:${TOKEN}@x.example/p`)).toBe('https://[redacted]@x.example/p');
  });

  it('replaces a Bearer token anywhere, also URL-encoded', () => {
    for (const url of [
      `https://x.example/?h=Bearer%20${TOKEN}`,
      `https://x.example/?h=Bearer+${TOKEN}`,
      `https://x.example/Bearer%20${TOKEN}/more`,
      `https://x.example/?h=bearer ${TOKEN}`,
    ]) {
      expect(redactUrl(url), url).not.toContain(TOKEN);
    }
    expect(redactUrl(`https://x.example/?h=Bearer%20${TOKEN}&n=1`)).toBe(
      'https://x.example/?h=Bearer%20[redacted]&n=1',
    );
  });

  it('leaves an ordinary URL as it is, and a malformed one redacted all the same', () => {
    const plain = 'https://api.linqapp.com/api/partner/v3/chats/1b4e28ba/typing?page=2#top';
    expect(redactUrl(plain)).toBe(plain);
    expect(redactUrl(`not a url?token=${TOKEN}`)).toBe('not a url?token=[redacted]');
  });
});

describe('text', () => {
  it('replaces Bearer tokens and leaves JSON parseable', () => {
    const body = JSON.stringify({ error: { code: 1001, message: `Invalid Bearer ${TOKEN} given` } });
    const redacted = redactBearerTokens(body);
    expect(redacted).not.toContain(TOKEN);
    expect(JSON.parse(redacted)).toEqual({ error: { code: 1001, message: 'Invalid Bearer [redacted] given' } });
    expect(redactBearerTokens(redacted)).toBe(redacted);
  });
});

describe('the import rules keep their redaction', () => {
  it('writes every Authorization-like value as "Bearer [redacted]" and the other credentials as [redacted]', () => {
    expect(credentialFree('Authorization', 'Basic abc')).toBe('Bearer [redacted]');
    expect(credentialFree(' proxy-authorization ', 'x')).toBe('Bearer [redacted]');
    expect(credentialFree('Cookie', 'a=b')).toBe('[redacted]');
    expect(credentialFree('X-Api-Key', 'k')).toBe('[redacted]');
    expect(credentialFree('Set-Cookie', 'a=b')).toBe('[redacted]');
    expect(credentialFree('X-Trace-Id', 'Bearer kept-as-before')).toBe('Bearer kept-as-before');
  });
});
