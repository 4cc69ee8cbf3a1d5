import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { CATALOGUE, lookupCode } from '../../src/core/linq/catalogue.ts';
import { ERROR_INDEX_URL, rangeOf } from '../../src/core/linq/ranges.ts';

/** One row of docs/linq-error-codes.json. */
interface JsonEntry {
  code: number;
  http: number;
  message: string;
  category: string;
  retry: string;
  doc_url: string;
}

const JSON_URL = new URL('../../docs/linq-error-codes.json', import.meta.url);
const SOURCE = JSON.parse(readFileSync(JSON_URL, 'utf8')) as JsonEntry[];

describe('catalogue matches linq-error-codes.json', () => {
  it('reads the 48-entry reference file', () => {
    expect(Array.isArray(SOURCE)).toBe(true);
    expect(SOURCE).toHaveLength(48);
  });

  it.each(SOURCE.map((entry) => [entry.code, entry] as const))('code %i', (code, source) => {
    const entry = lookupCode(code);
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(entry.code).toBe(source.code);
    expect(entry.http).toBe(source.http);
    expect(entry.message).toBe(source.message);
    expect(entry.category).toBe(source.category);
    expect(entry.retry).toBe(source.retry);
    expect(entry.docUrl).toBe(source.doc_url);
    expect(entry.docUrl.startsWith('https://docs.linqapp.com/error/codes/')).toBe(true);
    expect(entry.hint.trim()).not.toBe('');
    expect(entry.hint).not.toBe(entry.message);
  });

  it('has exactly as many entries as the JSON', () => {
    expect(CATALOGUE.length).toBe(SOURCE.length);
  });

  it('has unique codes in ascending order', () => {
    const codes = CATALOGUE.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(codes.toSorted((a, b) => a - b));
  });

  it('puts every entry in the category of its range', () => {
    for (const entry of CATALOGUE) {
      expect(rangeOf(entry.code)?.category, `code ${entry.code}`).toBe(entry.category);
    }
  });

  it('keeps the curly apostrophe in 2017', () => {
    expect(lookupCode(2017)?.message).toBe('Operation not supported on this chat\u2019s service type');
  });

  it('returns undefined for codes outside the catalogue', () => {
    expect(lookupCode(2020)).toBeUndefined();
    expect(lookupCode(0)).toBeUndefined();
    expect(lookupCode(Number.NaN)).toBeUndefined();
  });
});

describe('rangeOf', () => {
  it.each([
    [1000, 1, 'request', 'Client/Request Errors', 'no'],
    [1999, 1, 'request', 'Client/Request Errors', 'no'],
    [2020, 2, 'resource', 'Resource Errors', 'no'],
    [3999, 3, 'server', 'Server Errors', 'yes'],
    [4500, 4, 'delivery', 'Delivery Errors', 'sometimes'],
    [5999, 5, 'attachment', 'Attachment/File Errors', 'sometimes'],
  ] as const)('%i is in family %i (%s)', (code, family, label, category, retry) => {
    const range = rangeOf(code);
    expect(range).toMatchObject({ family, label, category, retry });
    expect(range?.hint.trim()).not.toBe('');
  });

  it.each([999, 6000, 2.5, Number.NaN, -1, 0, Number.POSITIVE_INFINITY, 1000.0001])('%s has no range', (code) => {
    expect(rangeOf(code)).toBeUndefined();
  });

  it('exposes the error index URL', () => {
    expect(ERROR_INDEX_URL).toBe('https://docs.linqapp.com/error/');
  });
});
