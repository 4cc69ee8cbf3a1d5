import { describe, expect, it } from 'vitest';
import { rememberGrants, type HostAccess } from '../../../src/platform/host-access.ts';

function fakeAccess(granted: Set<string>) {
  const checks: string[] = [];
  const access: HostAccess = {
    has: async (baseUrl) => (checks.push(baseUrl), granted.has(new URL(baseUrl).hostname)),
    request: async () => true,
  };
  let removed: (() => void) | undefined;
  const onRemoved = { addListener: (listener: () => void) => (removed = listener) };
  return { access, checks, onRemoved, remove: () => removed?.() };
}

describe('remembered host grants', () => {
  it('asks Chrome once per host while access lasts', async () => {
    const fake = fakeAccess(new Set(['api.linqapp.com']));
    const access = rememberGrants(fake.access, fake.onRemoved);
    expect(await access.has('https://api.linqapp.com/api/partner/v3/chats/a/typing')).toBe(true);
    expect(await access.has('https://api.linqapp.com/api/partner/v3/chats/b/typing')).toBe(true);
    expect(fake.checks).toHaveLength(1);
  });

  it('never remembers a refusal, so a new grant counts at once', async () => {
    const hosts = new Set<string>();
    const fake = fakeAccess(hosts);
    const access = rememberGrants(fake.access, fake.onRemoved);
    expect(await access.has('https://staging.example.com/api')).toBe(false);
    hosts.add('staging.example.com');
    expect(await access.has('https://staging.example.com/api')).toBe(true);
  });

  it('forgets every grant when Chrome reports a permission removed', async () => {
    const hosts = new Set(['staging.example.com']);
    const fake = fakeAccess(hosts);
    const access = rememberGrants(fake.access, fake.onRemoved);
    expect(await access.has('https://staging.example.com/api')).toBe(true);
    hosts.delete('staging.example.com');
    fake.remove();
    expect(await access.has('https://staging.example.com/api')).toBe(false);
  });
});
