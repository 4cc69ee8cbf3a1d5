import { describe, expect, it } from 'vitest';
import {
  checkApiKey,
  checkBaseUrl,
  checkWholeNumber,
  clampInt,
  TIMEOUT_LIMITS,
} from '../../src/core/linq/settings-rules.ts';

describe('checkBaseUrl', () => {
  it.each([
    ['https://api.linqapp.com/api/partner', 'https://api.linqapp.com/api/partner'],
    ['https://api.linqapp.com/api/partner/', 'https://api.linqapp.com/api/partner'],
    [' http://127.0.0.1:4010 ', 'http://127.0.0.1:4010'],
    ['HTTP://LOCALHOST:4010/base//', 'http://localhost:4010/base'],
    ['http://127.8.9.10:4010', 'http://127.8.9.10:4010'],
    ['http://[::1]:4010/api', 'http://[::1]:4010/api'],
    ['https://10.0.0.2/api', 'https://10.0.0.2/api'],
    ['https://[2001:db8::1]/api', 'https://[2001:db8::1]/api'],
    [`https://${'a'.repeat(63)}.example.com`, `https://${'a'.repeat(63)}.example.com`],
    ['https://xn--bcher-kva.example/api', 'https://xn--bcher-kva.example/api'],
    ['https://staging-2.linqapp.com', 'https://staging-2.linqapp.com'],
  ])('accepts %j as %s', (input, expected) => {
    expect(checkBaseUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /Enter a base URL/],
    ['ftp://api.linqapp.com', /Only http and https/],
    ['javascript:alert(1)', /Only http and https/],
    ['https://user:pw@api.linqapp.com', /user name and password/],
    ['https://api.linqapp.com/?debug=1', /query/],
    ['https://api.linqapp.com/#x', /fragment/],
    ['https://api.linqapp.com/?', /query/],
    ['not a url', /not a valid URL/],
    ['http://', /not a valid URL/],
    // Plain http sends the key in clear text: only this computer may be reached that way.
    ['http://api.linqapp.com/api/partner', /http sends the API key unencrypted/],
    ['http://192.168.1.10:4010', /http sends the API key unencrypted/],
    ['http://localhost.example.com', /http sends the API key unencrypted/],
    ['http://[::2]:4010', /http sends the API key unencrypted/],
    // A host is a DNS name or an IP literal: a wildcard would make "Grant access" ask for every site.
    ['https://*/', /not a host name/],
    ['https://*.linqapp.com/api', /not a host name/],
    ['https://api_1.linqapp.com', /not a host name/],
    ['https://-api.linqapp.com', /not a host name/],
    ['https://api-.linqapp.com', /not a host name/],
    ['https://api..linqapp.com', /not a host name/],
    [`https://${'a'.repeat(64)}.example.com`, /not a host name/],
    ['https://api.linqapp.com./x', /not a host name/],
    ['https://a%2ab.example.com', /not a host name/],
    // As Chrome's URL parser writes a "*" host; the message shows it as typed.
    ['https://%2A/api', /^"\*" is not a host name/],
  ])('refuses %j', (input, reason) => {
    const result = checkBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('checkApiKey', () => {
  it('trims and accepts a printable key', () => {
    expect(checkApiKey('  sk_live_abc.123  ')).toEqual({ ok: true, value: 'sk_live_abc.123' });
  });
  it.each([
    ['', /Enter your Linq API key/],
    ['sk\r\nX-Evil: 1', /line break/],
    ['Bearer sk_1', /space/],
    ['sk_\u00e9', /printable ASCII/],
  ])('refuses %j', (input, reason) => {
    const result = checkApiKey(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('clampInt', () => {
  it('keeps values in range and replaces nonsense with the default', () => {
    expect(clampInt(500, TIMEOUT_LIMITS)).toBe(1000);
    expect(clampInt(60_000, TIMEOUT_LIMITS)).toBe(29_000);
    expect(clampInt(Number.NaN, TIMEOUT_LIMITS)).toBe(15_000);
    expect(clampInt(2500.4, TIMEOUT_LIMITS)).toBe(2500);
  });
});

describe('checkWholeNumber', () => {
  const limits = { min: 1, max: 29 };
  it.each([
    ['1', 1],
    [' 29 ', 29],
    ['15', 15],
  ])('accepts %j as %d', (input, value) => {
    expect(checkWholeNumber(input, limits, 'seconds')).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Enter a number from 1 to 29 seconds.'],
    ['2.5', 'Use a whole number from 1 to 29 seconds.'],
    ['0', '0 is out of range: enter a number from 1 to 29 seconds.'],
    ['30', '30 is out of range: enter a number from 1 to 29 seconds.'],
    ['-3', '-3 is out of range: enter a number from 1 to 29 seconds.'],
  ])('refuses %j, saying why', (input, reason) => {
    expect(checkWholeNumber(input, limits, 'seconds')).toEqual({ ok: false, reason });
  });
});
