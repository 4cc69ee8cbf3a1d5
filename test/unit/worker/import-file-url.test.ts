/** The worker reads an imported file only from an object URL of the extension's own origin. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readOwnObjectUrl } from '../../../src/platform/import-file-url.ts';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

afterEach(() => vi.unstubAllGlobals());

describe('readOwnObjectUrl', () => {
  it('reads a blob: URL of its own origin, and refuses a file beyond the limit', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response('{"format":"x"}');
    });
    expect(await readOwnObjectUrl(`blob:${ORIGIN}/1`, 100, ORIGIN)).toEqual({ ok: true, text: '{"format":"x"}' });
    expect(await readOwnObjectUrl(`blob:${ORIGIN}/2`, 5, ORIGIN)).toMatchObject({ ok: false, reason: /larger/ });
    expect(fetched).toEqual([`blob:${ORIGIN}/1`, `blob:${ORIGIN}/2`]);
  });

  it('never fetches a URL of another origin or scheme', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    for (const url of [
      'https://evil.example/history.json',
      'blob:https://evil.example/1',
      `blob:${ORIGIN}.evil.example/1`,
      `${ORIGIN}/history.json`,
      'data:application/json,{}',
    ]) {
      expect(await readOwnObjectUrl(url, 100, ORIGIN)).toMatchObject({ ok: false, reason: /not handed over/ });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says so when the URL can no longer be read', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await readOwnObjectUrl(`blob:${ORIGIN}/gone`, 100, ORIGIN)).toMatchObject({
      ok: false,
      reason: /could no longer be read/,
    });
  });
});
