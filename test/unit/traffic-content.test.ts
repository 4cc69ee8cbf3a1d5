import { describe, expect, it } from 'vitest';
import { BODY_PREVIEW_MAX } from '../../src/core/linq/body-limit.ts';
import { decodeBase64Prefix } from '../../src/core/traffic/base64.ts';
import { boundedBody } from '../../src/core/traffic/body.ts';
import { devtoolsContent } from '../../src/core/traffic/devtools-content.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('devtools getContent results', () => {
  it('reads the callback form (content, encoding) and the polyfill form [content, encoding] alike', () => {
    expect(devtoolsContent('{"a":1}', '')).toEqual({ text: '{"a":1}', truncated: false });
    expect(devtoolsContent(['{"a":1}', ''])).toEqual({ text: '{"a":1}', truncated: false });
    expect(devtoolsContent(b64('héllo ✓'), 'base64')).toEqual({ text: 'héllo ✓', truncated: false });
    expect(devtoolsContent([b64('héllo ✓'), 'base64'])).toEqual({ text: 'héllo ✓', truncated: false });
  });

  it('reads no content as an empty body', () => {
    expect(devtoolsContent(null, '')).toEqual({ text: '', truncated: false });
    expect(devtoolsContent([undefined, undefined])).toEqual({ text: '', truncated: false });
    expect(devtoolsContent(42)).toEqual({ text: '', truncated: false });
  });

  it('bounds text and base64 bodies to the preview bound', () => {
    const big = 'é'.repeat(BODY_PREVIEW_MAX * 3);
    for (const [content, encoding] of [
      [big, ''],
      [b64(big), 'base64'],
    ] as const) {
      const body = devtoolsContent(content, encoding);
      expect(body.truncated).toBe(true);
      expect(body.text).toBe('é'.repeat(BODY_PREVIEW_MAX));
    }
    const exact = 'x'.repeat(BODY_PREVIEW_MAX);
    expect(devtoolsContent(b64(exact), 'base64')).toEqual({ text: exact, truncated: false });
  });
});

function read(encoded: string): number[] | undefined {
  const result = decodeBase64Prefix(encoded, 1000);
  return result.ok ? [...result.bytes] : undefined;
}

describe('bounded base64', () => {
  it('decodes standard, URL-safe and wrapped base64', () => {
    // Every byte value, so each base64 character and both alphabets' extra characters occur.
    const data = Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i));
    expect(read(data.toString('base64'))).toEqual([...data]);
    expect(read(data.toString('base64url'))).toEqual([...data]);
    expect(read('aGVs\nbG8g\r\nd29y bGQ=')).toEqual([...Buffer.from('hello world')]);
    expect(read('')).toEqual([]);
  });

  it('stops at the byte limit and says it cut', () => {
    const result = decodeBase64Prefix(b64('abcdefghij'), 4);
    expect(result).toMatchObject({ ok: true, cut: true });
    expect(result.ok && Buffer.from(result.bytes).toString()).toBe('abcd');
    expect(decodeBase64Prefix(b64('abcd'), 4)).toMatchObject({ ok: true, cut: false });
  });

  it('keeps a body that is not base64 as written', () => {
    expect(decodeBase64Prefix('not*base64', 100)).toEqual({ ok: false });
    expect(boundedBody('not*base64', 'base64')).toEqual({ text: 'not*base64', truncated: false });
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const body = boundedBody(`${'x'.repeat(BODY_PREVIEW_MAX - 1)}😀tail`);
    expect(body.truncated).toBe(true);
    expect(body.text).toBe('x'.repeat(BODY_PREVIEW_MAX - 1));
  });
});
