import { describe, expect, it } from 'vitest';
import { stopLastChat, stopSelectedChat } from '../../../src/background/quick-stop.ts';
import { rehearse } from '../../../src/background/rehearse.ts';
import { runTypingRequest } from '../../../src/background/typing-request.ts';
import { CHAT, KEY, makeDeps } from './fixtures.ts';

/** Every entry the worker writes names the environment it was sent from: "Copy cURL with real key" relies on it. */
describe('entries record the environment they were sent from', () => {
  it('a request from a view, journalled and settled, carries the active profile id', async () => {
    const { deps, keys, settings, history } = makeDeps();
    await settings.update({ activeProfileId: 'local' });
    await keys.save('local', KEY, false);
    const journalled: unknown[] = [];
    const journal = deps.history.journal.bind(deps.history);
    deps.history = { ...deps.history, journal: (entry) => (journalled.push(entry), journal(entry)) };
    const { reply, stored } = await runTypingRequest('typing.stop', CHAT, deps);
    await stored;
    expect(journalled).toEqual([
      expect.objectContaining({ state: 'pending', profileId: 'local', profileName: 'Local mock' }),
    ]);
    expect(reply).toMatchObject({ ok: true, entry: { profileId: 'local', profileName: 'Local mock' } });
    expect((await history.newest(1))[0]).toMatchObject({ profileId: 'local' });
  });

  it('the rehearsal, the keyboard command and the selection menu do too', async () => {
    const { deps, keys, history } = makeDeps();
    await keys.save('production', KEY, false);
    await rehearse(CHAT, 1, { ...deps, wait: async () => undefined });
    const quick = { ...deps, loadLastChatId: async () => CHAT, showBadge: async () => undefined };
    await stopLastChat(quick);
    await stopSelectedChat(`chat ${CHAT}`, quick);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const entries = await history.newest(10);
    expect(entries).toHaveLength(4);
    expect(entries.map((entry) => entry.profileId)).toEqual(['production', 'production', 'production', 'production']);
  });
});
