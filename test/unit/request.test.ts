import { describe, expect, it } from 'vitest';
import { buildTypingRequest, redactHeaders } from '../../src/core/linq/request.ts';

const ID = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

describe('buildTypingRequest', () => {
  it('builds DELETE {base}/v3/chats/{id}/typing with the bearer key', () => {
    const built = buildTypingRequest({
      operation: 'typing.stop',
      baseUrl: 'https://api.linqapp.com/api/partner/',
      chatId: ` ${ID.toUpperCase()} `,
      apiKey: 'sk_1',
    });
    expect(built).toEqual({
      ok: true,
      request: {
        operation: 'typing.stop',
        method: 'DELETE',
        url: `https://api.linqapp.com/api/partner/v3/chats/${ID}/typing`,
        chatId: ID,
        headers: { Accept: '*/*', Authorization: 'Bearer sk_1' },
      },
    });
  });

  it('names the field at fault, chat ID first', () => {
    expect(buildTypingRequest({ operation: 'typing.stop', baseUrl: 'x', chatId: '..', apiKey: '' })).toMatchObject({
      ok: false,
      field: 'chatId',
    });
    expect(buildTypingRequest({ operation: 'typing.stop', baseUrl: 'x', chatId: ID, apiKey: '' })).toMatchObject({
      ok: false,
      field: 'apiKey',
    });
    expect(buildTypingRequest({ operation: 'typing.stop', baseUrl: 'x', chatId: ID, apiKey: 'k' })).toMatchObject({
      ok: false,
      field: 'baseUrl',
    });
    // A saved environment from before the http rule is refused when it sends, the same way as in the field.
    for (const baseUrl of ['http://api.linqapp.com/api/partner', 'https://*/api']) {
      expect(buildTypingRequest({ operation: 'typing.stop', baseUrl, chatId: ID, apiKey: 'k' })).toMatchObject({
        ok: false,
        field: 'baseUrl',
        reason: expect.stringMatching(/unencrypted|not a host name/),
      });
    }
  });
});

describe('redactHeaders', () => {
  it('replaces Authorization whatever its case, and keeps the rest', () => {
    const redacted = redactHeaders({ Accept: '*/*', authorization: 'Bearer sk_secret' });
    expect(redacted).toEqual([
      ['Accept', '*/*'],
      ['authorization', 'Bearer [redacted]'],
    ]);
    expect(JSON.stringify(redacted)).not.toContain('sk_secret');
  });
});
