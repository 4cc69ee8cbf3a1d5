import { describe, expect, it } from 'vitest';
import { checkProfileName, nextCustomName, profilesFrom, BUILT_IN_PROFILES } from '../../src/core/profiles.ts';
import { activeProfile, settingsFrom, updateProfile } from '../../src/core/settings.ts';
import { stopTyping } from '../../src/background/typing-request.ts';
import { CHAT, makeDeps } from './worker/fixtures.ts';

describe('environments (profiles)', () => {
  it('always has Production and Local mock, and falls back to Production when the active one is gone', () => {
    const settings = settingsFrom({
      profiles: [{ id: 'custom-1', name: 'Staging', baseUrl: 'https://staging.example.com', rememberKey: true }],
      activeProfileId: 'nope',
    });
    expect(settings.profiles.map((p) => [p.id, p.name, p.builtIn])).toEqual([
      ['production', 'Production', true],
      ['local', 'Local mock', true],
      ['custom-1', 'Staging', false],
    ]);
    expect(activeProfile(settings).id).toBe('production');
    expect(BUILT_IN_PROFILES[1]?.baseUrl).toBe('http://127.0.0.1:4010');
  });

  it('keeps built-in names fixed but their base URL editable, and drops damaged records', () => {
    const profiles = profilesFrom([
      { id: 'production', name: 'Renamed', baseUrl: 'http://127.0.0.1:9', rememberKey: false },
      { id: 3 },
      'x',
    ]);
    expect(profiles[0]).toMatchObject({ name: 'Production', baseUrl: 'http://127.0.0.1:9' });
    expect(profiles).toHaveLength(2);
  });

  it('names new environments and checks renames', () => {
    const profiles = profilesFrom([{ id: 'c1', name: 'Custom 1', baseUrl: '', rememberKey: false }]);
    expect(nextCustomName(profiles)).toBe('Custom 2');
    expect(checkProfileName('  ', profiles, 'c1')).toMatch(/name/);
    expect(checkProfileName('production', profiles, 'c1')).toMatch(/already/);
    expect(checkProfileName('Staging', profiles, 'c1')).toBeUndefined();
  });

  it('sends with the active environment\u2019s base URL and its own key, and records its name', async () => {
    const { deps, keys, settings, sent } = makeDeps();
    await keys.save('production', 'sk_prod', false);
    await keys.save('local', 'sk_local', false);
    await settings.update((current) =>
      updateProfile({ ...current, activeProfileId: 'local' }, 'local', { baseUrl: 'http://127.0.0.1:5555' }),
    );
    const reply = await stopTyping(CHAT, deps);
    expect(sent[0]?.request.url).toBe(`http://127.0.0.1:5555/v3/chats/${CHAT}/typing`);
    expect(sent[0]?.request.headers.Authorization).toBe('Bearer sk_local');
    expect(reply).toMatchObject({ ok: true, entry: { profileName: 'Local mock' } });
  });
});
