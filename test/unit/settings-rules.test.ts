import { describe, expect, it } from 'vitest';
import { checkApiKey, checkBaseUrl, clampInt, TIMEOUT_LIMITS } from '../../src/core/linq/settings-rules.ts';

describe('checkBaseUrl', () => {
  it.each([
    ['https://api.linqapp.com/api/partner', 'https://api.linqapp.com/api/partner'],
    ['https://api.linqapp.com/api/partner/', 'https://api.linqapp.com/api/partner'],
    [' http://127.0.0.1:4010 ', 'http://127.0.0.1:4010'],
    ['HTTP://LOCALHOST:4010/base//', 'http://localhost:4010/base'],
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
