import { describe, expect, it } from 'vitest';
import { isSafeDocUrl } from '../../src/core/linq/doc-url.ts';
import { docLinkFor } from '../../src/core/linq/links.ts';

describe('doc links', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://docs.linqapp.com/error/',
    'https://evil.example/error/',
    'https://docs.linqapp.com.evil.example/error/',
    'https://user:pw@docs.linqapp.com/error/',
    'https://docs.linqapp.com:8443/error/',
    '//docs.linqapp.com/error/',
    ' not a url',
    42,
    undefined,
  ])('never trusts %j', (candidate) => {
    expect(isSafeDocUrl(candidate)).toBe(false);
  });

  it('uses a safe doc_url from the response first', () => {
    expect(docLinkFor(2001, 'https://docs.linqapp.com/error/codes/2xxx/2001/#more')).toBe(
      'https://docs.linqapp.com/error/codes/2xxx/2001/#more',
    );
  });

  it('falls back to the catalogue page, then to the error index', () => {
    expect(docLinkFor(2001, 'javascript:alert(1)')).toBe('https://docs.linqapp.com/error/codes/2xxx/2001/');
    expect(docLinkFor(2999, 'https://docs.linqapp.com.evil.example/')).toBe('https://docs.linqapp.com/error/');
    expect(docLinkFor(undefined, undefined)).toBe('https://docs.linqapp.com/error/');
  });
});
