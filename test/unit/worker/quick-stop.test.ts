import { describe, expect, it } from 'vitest';
import { stopLastChat, stopSelectedChat } from '../../../src/background/quick-stop.ts';
import type { Badge } from '../../../src/core/badge.ts';
import { findChatId } from '../../../src/core/linq/find-chat-id.ts';
import { CHAT, KEY, makeDeps } from './fixtures.ts';

function quickDeps(lastChatId?: string) {
  const made = makeDeps();
  const badges: Badge[] = [];
  return {
    ...made,
    badges,
    deps: {
      ...made.deps,
      loadLastChatId: async () => lastChatId,
      showBadge: async (badge: Badge) => void badges.push(badge),
    },
  };
}

describe('keyboard command and selection menu', () => {
  it('stops typing in the last chat and shows OK on the badge', async () => {
    const { deps, keys, badges, sent } = quickDeps(CHAT);
    await keys.save('production', KEY, false);
    await stopLastChat(deps);
    expect(sent[0]?.request.url).toContain(CHAT);
    expect(badges).toEqual([expect.objectContaining({ text: 'OK', color: '#116329' })]);
  });

  it('shows the error code on the badge, in red', async () => {
    const { deps, keys, badges } = quickDeps(CHAT);
    await keys.save('production', KEY, false);
    deps.send = async () => ({
      kind: 'response',
      status: 404,
      statusText: '',
      headers: [],
      body: JSON.stringify({ success: false, error: { status: 404, code: 2001, message: 'x' } }),
      bodyTruncated: false,
      receivedAt: 0,
    });
    await stopLastChat(deps);
    expect(badges[0]).toMatchObject({ text: '2001', color: '#a40e26' });
  });

  it('asks for a chat when there is none, and sends nothing', async () => {
    const { deps, badges, sent } = quickDeps(undefined);
    expect(await stopLastChat(deps)).toBeUndefined();
    expect(await stopSelectedChat('no uuid here', deps)).toBeUndefined();
    expect(sent).toEqual([]);
    expect(badges.map((b) => b.text)).toEqual(['?', '?']);
  });

  it('finds the chat UUID inside a selection', async () => {
    expect(findChatId(`chat id: ${CHAT.toUpperCase()}, ok`)).toBe(CHAT);
    expect(findChatId('1b4e28ba-2fa1-4d2b-883f')).toBeUndefined();
    const { deps, keys, sent } = quickDeps();
    await keys.save('production', KEY, false);
    await stopSelectedChat(`see "${CHAT}"`, deps);
    expect(sent[0]?.request.url).toContain(CHAT);
  });

  it('shows ! with the reason when the request is refused', async () => {
    const { deps, badges } = quickDeps(CHAT);
    await stopLastChat(deps);
    expect(badges[0]).toMatchObject({ text: '!' });
    expect(badges[0]?.title).toMatch(/API key/);
  });
});
