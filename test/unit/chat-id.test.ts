import { describe, expect, it } from 'vitest';
import { checkChatId } from '../../src/core/linq/chat-id.ts';

const ID = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

describe('checkChatId', () => {
  it.each([
    [ID, ID],
    [ID.toUpperCase(), ID],
    [`  ${ID}\n`, ID],
    [`"${ID}"`, ID],
    [`'${ID}'`, ID],
    [`\u201c${ID}\u201d`, ID],
  ])('accepts %j as %s', (input, expected) => {
    expect(checkChatId(input)).toEqual({ ok: true, chatId: expected });
  });

  it.each([
    ['', /Enter a chat ID/],
    ['   ', /Enter a chat ID/],
    ['abc', /36-character UUID.*this has 3/],
    ['../../v3/chats', /slash/],
    ['..', /dot/],
    [`${ID}/typing`, /slash/],
    [`${ID}?x=1`, /question mark/],
    [`${ID}#frag`, /hash/],
    ['1b4e28ba%2F2fa1-4d2b-883f-0016d3cca427', /percent/],
    ['1b4e28ba 2fa1-4d2b-883f-0016d3cca427', /whitespace/],
    [`${ID}\u0000`, /control character/],
    ['1b4e28ba\u20102fa1-4d2b-883f-0016d3cca427', /non-ASCII/],
    ['1b4e28ba-2fa1-4d2b-883f-0016d3cca42\u0430', /non-ASCII/],
    ['x'.repeat(10_000), /36-character UUID.*10000/],
    ['1b4e28ba-2fa1-4d2b-883f-0016d3cca42z', /hex digits/],
    ['1b4e28ba2fa14d2b883f0016d3cca427abcd', /hex digits/],
  ])('refuses case %# with a reason', (input, reason) => {
    const result = checkChatId(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
