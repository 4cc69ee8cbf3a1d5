import { describe, expect, it } from 'vitest';
import { checkTrafficHost, checkTrafficHosts, TRAFFIC_HOSTS_INPUT_MAX } from '../../src/core/linq/traffic-hosts.ts';
import { trafficHostsFrom } from '../../src/core/linq/traffic-hosts-stored.ts';
import { updateProfile, DEFAULT_SETTINGS, settingsFrom } from '../../src/core/settings.ts';
import { isLinqHost } from '../../src/core/traffic/linq-filter.ts';
import { hostsFromSettings } from '../../src/platform/traffic-capture.ts';

describe('checkTrafficHost', () => {
  it.each([
    ['staging.example.com', 'staging.example.com'],
    ['STAGING.Example.COM', 'staging.example.com'],
    ['localhost:3000', 'localhost:3000'],
    ['127.0.0.1:4010', '127.0.0.1:4010'],
    ['proxy.internal:080', 'proxy.internal:80'],
    ['[::1]:8080', '[::1]:8080'],
    ['[2001:DB8::1]', '[2001:db8::1]'],
    ['bücher.example', 'xn--bcher-kva.example'],
    [`${'a'.repeat(63)}.example.com`, `${'a'.repeat(63)}.example.com`],
  ])('accepts %j as %s', (entry, expected) => {
    expect(checkTrafficHost(entry)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['https://staging.example.com/api/partner?x=1#y', 'staging.example.com'],
    ['HTTP://LOCALHOST:4010/base', 'localhost:4010'],
    ['https://staging.example.com:443/api', 'staging.example.com'],
    ['https://staging.example.com:8443/', 'staging.example.com:8443'],
    ['http://[::1]:9000/x', '[::1]:9000'],
  ])('takes a pasted URL %j as its host, %s', (entry, expected) => {
    expect(checkTrafficHost(entry)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [
      'staging.example.com/api',
      /"staging\.example\.com\/api" has a path: enter the host alone \("staging\.example\.com"\)/,
    ],
    ['staging.example.com?x=1', /has a path/],
    ['staging.example.com\\api', /has a path/],
    ['staging.exa\u00a0mple.com', /has a space inside/],
    ['staging.example.com\u200b', /has a space inside/],
    ['staging.example.com:99999', /has a bad port \("99999"\): a port is a number from 1 to 65535/],
    ['staging.example.com:0', /bad port \("0"\)/],
    ['staging.example.com:', /bad port \(""\)/],
    ['staging.example.com:http', /bad port \("http"\)/],
    [':8080', /no host name before the port/],
    [`${'a'.repeat(60)}.`.repeat(5), /is too long: 305 characters, a host name has at most 253/],
    ['*.example.com', /wildcards are not allowed/],
    ['user@staging.example.com', /remove the user name/],
    ['::1', /IPv6 address in brackets/],
    ['[::1]x', /not a host name or IP address/],
    ['[zz]', /not a host name or IP address/],
    ['exa%2emple.com', /not a host name or IP address/],
    ['under_score.example.com', /is not a host name/],
    ['example.com.', /is not a host name/],
    ['ftp://files.example.com', /is a ftp: address/],
    ['javascript://x', /is a javascript: address/],
    ['https://', /not a valid URL/],
  ])('refuses %j', (entry, reason) => {
    const checked = checkTrafficHost(entry);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(reason);
  });

  it('quotes a long entry only in part', () => {
    const checked = checkTrafficHost(`${'x'.repeat(300)}/path`);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason.length).toBeLessThan(300);
  });
});

describe('checkTrafficHosts', () => {
  it('reads entries separated by commas, spaces and new lines, lower case, each once', () => {
    expect(
      checkTrafficHosts(
        ' Staging.example.com, localhost:3000\n\nstaging.example.com\thttps://staging.example.com/api  ',
      ),
    ).toEqual({ ok: true, value: ['staging.example.com', 'localhost:3000'] });
  });

  it('reads an empty field as no hosts', () => {
    expect(checkTrafficHosts('')).toEqual({ ok: true, value: [] });
    expect(checkTrafficHosts(' ,\n ')).toEqual({ ok: true, value: [] });
  });

  it('names the first refused entry and its place', () => {
    expect(checkTrafficHosts('a.example, b.example/api, c.example:70000')).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Entry 2 of 3: "b\.example\/api" has a path/),
    });
    expect(checkTrafficHosts('b.example/api')).toEqual({
      ok: false,
      reason: expect.stringMatching(/^"b\.example\/api" has a path/),
    });
  });

  it('takes at most 20 hosts, counted after duplicates are dropped', () => {
    const hosts = Array.from({ length: 20 }, (_, i) => `h${i}.example`);
    expect(checkTrafficHosts([...hosts, ...hosts].join(' '))).toEqual({ ok: true, value: hosts });
    expect(checkTrafficHosts([...hosts, 'h20.example'].join(','))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^That is 21 hosts; at most 20\./),
    });
  });

  it('refuses a paste longer than the field holds, without reading it', () => {
    expect(checkTrafficHosts('a'.repeat(TRAFFIC_HOSTS_INPUT_MAX + 1))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^This is too long: 8001 characters, at most 8000/),
    });
  });
});

describe('the stored trafficHosts field', () => {
  it('is an empty list in settings stored before it existed, the other fields as they were', () => {
    const old = { activeProfileId: 'local', timeoutMs: 5000, historyCap: 300, recordHistory: false };
    const settings = settingsFrom(old);
    expect(settings.trafficHosts).toEqual([]);
    expect(settings).toMatchObject(old);
    expect(settingsFrom(undefined).trafficHosts).toEqual([]);
    expect(DEFAULT_SETTINGS.trafficHosts).toEqual([]);
  });

  it('keeps what was stored, and repairs a damaged list', () => {
    expect(settingsFrom({ trafficHosts: ['staging.example.com', 'localhost:3000'] }).trafficHosts).toEqual([
      'staging.example.com',
      'localhost:3000',
    ]);
    expect(settingsFrom({ trafficHosts: 'staging.example.com' }).trafficHosts).toEqual([]);
    expect(
      trafficHostsFrom(['a.example', 7, null, 'a.example', 'UPPER.example', 'has space', '<img>', 'x'.repeat(300)]),
    ).toEqual(['a.example']);
    expect(trafficHostsFrom(Array.from({ length: 30 }, (_, i) => `h${i}.example`))).toHaveLength(20);
  });
});

describe('hostsFromSettings', () => {
  const local = { ...DEFAULT_SETTINGS, activeProfileId: 'local' };

  it("adds the operator's hosts to Linq's and the active environment's", () => {
    expect([...hostsFromSettings({ ...DEFAULT_SETTINGS, trafficHosts: ['staging.example.com'] })]).toEqual([
      'api.linqapp.com',
      'staging.example.com',
    ]);
    expect([...hostsFromSettings({ ...local, trafficHosts: ['localhost:3000', '127.0.0.1:4010'] })]).toEqual([
      'api.linqapp.com',
      '127.0.0.1:4010',
      'localhost:3000',
    ]);
  });

  it("counts only the active environment's host, not the others'", () => {
    const withStaging = updateProfile(DEFAULT_SETTINGS, 'local', { baseUrl: 'https://staging.example.com/api' });
    expect([...hostsFromSettings(withStaging)]).toEqual(['api.linqapp.com']);
  });

  it('matches a host entry on any port, a host:port entry on that port only', () => {
    const hosts = hostsFromSettings({ ...DEFAULT_SETTINGS, trafficHosts: ['staging.example.com', 'localhost:3000'] });
    expect(isLinqHost('staging.example.com:8443', 'staging.example.com', hosts)).toBe(true);
    expect(isLinqHost('localhost:3000', 'localhost', hosts)).toBe(true);
    expect(isLinqHost('localhost:3001', 'localhost', hosts)).toBe(false);
  });
});
