import { describe, expect, it } from 'vitest';
import { send, type FetchLike } from '../../../src/background/transport.ts';
import type { TypingRequest } from '../../../src/core/linq/request.ts';

function request(url: string): TypingRequest {
  return { operation: 'typing.stop', method: 'DELETE', url, chatId: 'c', headers: { Accept: '*/*' } };
}

/** What a `redirect: 'manual'` fetch gets for any redirect, Chrome's HSTS upgrade included: no status or headers. */
const opaqueRedirect: FetchLike = async () =>
  ({ type: 'opaqueredirect', status: 0, statusText: '', headers: new Headers(), body: null }) as unknown as Response;

describe('transport: redirects', () => {
  it('reports an opaque redirect, and whether it may be Chrome upgrading plain http to https', async () => {
    expect(await send(request('http://localhost:4010/v3/chats/c/typing'), 1_000, opaqueRedirect)).toEqual({
      kind: 'redirect',
      location: undefined,
      opaque: true,
      upgradable: true,
    });
    // HSTS applies to host names over http only: never to https, never to an IP address.
    for (const url of ['https://api.linqapp.com/v3/chats/c/typing', 'http://127.0.0.1:4010/v3/chats/c/typing']) {
      expect(await send(request(url), 1_000, opaqueRedirect)).toMatchObject({ opaque: true, upgradable: false });
    }
  });
});
