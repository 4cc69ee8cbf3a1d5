import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import { BUILT_IN_PROFILES, type Profile } from '../../src/core/profiles.ts';
import { realKeyFor } from '../../src/core/share/real-key.ts';
import type { InspectorClient } from '../../src/ui/client.ts';
import { copyEntry } from '../../src/ui/sharing.ts';

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const LOCAL_KEY = 'sk_local_SECRET_1';
const PROD_KEY = 'sk_prod_SECRET_2';

const profiles: Profile[] = [
  ...BUILT_IN_PROFILES.map((profile) => ({ ...profile })),
  {
    id: 'staging',
    name: 'Staging',
    baseUrl: 'https://staging.example.com/api/partner',
    rememberKey: false,
    builtIn: false,
  },
];

function entry(base: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'e1',
    startedAt: 1,
    state: 'settled',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: CHAT,
    baseUrlHost: new URL(base).host,
    request: {
      url: `${base}/v3/chats/${CHAT}/typing`,
      headers: [['Authorization', 'Bearer [redacted]']],
      timeoutMs: 15_000,
    },
    ...extra,
  };
}

const fromLocal = entry('http://127.0.0.1:4010', { profileId: 'local', profileName: 'Local mock' });

describe('realKeyFor: which key, if any, "Copy cURL with real key" may use', () => {
  it('uses the key of the environment the entry was sent from, whichever is active, and names its host', () => {
    expect(realKeyFor(fromLocal, profiles)).toEqual({
      ok: true,
      profileId: 'local',
      profileName: 'Local mock',
      host: '127.0.0.1:4010',
    });
    const staging = entry('https://staging.example.com/api/partner', { profileId: 'staging' });
    expect(realKeyFor(staging, profiles)).toMatchObject({
      ok: true,
      profileId: 'staging',
      host: 'staging.example.com',
    });
  });

  it('refuses an imported entry, even one naming an existing environment at its own host', () => {
    const decision = realKeyFor({ ...fromLocal, imported: true }, profiles);
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.reason).toMatch(/imported/);
  });

  it('refuses an entry that does not say which environment sent it', () => {
    const decision = realKeyFor(entry('http://127.0.0.1:4010'), profiles);
    expect(decision).toMatchObject({ ok: false });
    expect(!decision.ok && decision.reason).toMatch(/does not say which environment/);
  });

  it('refuses when that environment is gone', () => {
    const decision = realKeyFor(
      entry('https://gone.example.com', { profileId: 'deleted', profileName: 'Old' }),
      profiles,
    );
    expect(!decision.ok && decision.reason).toMatch(/"Old" environment no longer exists/);
  });

  it("refuses when the environment's Base URL no longer has the entry's origin", () => {
    const moved = profiles.map((profile) =>
      profile.id === 'local' ? { ...profile, baseUrl: 'http://127.0.0.1:4011' } : profile,
    );
    const decision = realKeyFor(fromLocal, moved);
    expect(!decision.ok && decision.reason).toMatch(/Local mock.*127\.0\.0\.1:4011.*not 127\.0\.0\.1:4010/);
    // An entry whose URL names another host than its environment's (a forged record) is refused the same way.
    const forged = entry('https://evil.example', { profileId: 'production' });
    expect(realKeyFor(forged, profiles)).toMatchObject({ ok: false });
  });

  it('refuses an entry whose URL is not a URL at all', () => {
    const broken = { ...fromLocal, request: { ...fromLocal.request, url: 'not a url' } };
    expect(realKeyFor(broken, profiles)).toMatchObject({ ok: false });
  });
});

function fakeClient(keys: Record<string, string>): { client: InspectorClient; copied: string[]; asked: string[] } {
  const copied: string[] = [];
  const asked: string[] = [];
  const client = {
    extensionVersion: '1.0.0',
    loadKey: async (profileId: string) => {
      asked.push(profileId);
      return keys[profileId] ?? '';
    },
    copyText: async (text: string) => void copied.push(text),
  } as unknown as InspectorClient;
  return { client, copied, asked };
}

describe('copyEntry: Copy cURL with real key', () => {
  it("copies the entry's own environment's key, not the active one's, and names the host in the confirmation", async () => {
    const { client, copied, asked } = fakeClient({ production: PROD_KEY, local: LOCAL_KEY });
    const confirmation = await copyEntry(client, fromLocal, 'curl-with-key', profiles);
    expect(asked).toEqual(['local']);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain(`Bearer ${LOCAL_KEY}`);
    expect(copied[0]).not.toContain(PROD_KEY);
    expect(confirmation).toBe(
      'Copied the cURL command WITH your Local mock key for 127.0.0.1:4010. Handle it as a secret.',
    );
  });

  it('refuses an imported entry without reading any key or touching the clipboard', async () => {
    const { client, copied, asked } = fakeClient({ production: PROD_KEY, local: LOCAL_KEY });
    await expect(copyEntry(client, { ...fromLocal, imported: true }, 'curl-with-key', profiles)).rejects.toThrow(
      /imported/,
    );
    expect(asked).toEqual([]);
    expect(copied).toEqual([]);
  });

  it("refuses when the entry's environment has no key", async () => {
    const { client, copied } = fakeClient({ production: PROD_KEY });
    await expect(copyEntry(client, fromLocal, 'curl-with-key', profiles)).rejects.toThrow(
      /No API key is set for the Local mock environment/,
    );
    expect(copied).toEqual([]);
  });
});
