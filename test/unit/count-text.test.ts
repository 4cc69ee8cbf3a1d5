import { describe, expect, it } from 'vitest';
import { entriesText, shownOfTotalText } from '../../src/ui/count-text.ts';

describe('count wording', () => {
  it.each([
    [0, '0 entries'],
    [1, '1 entry'],
    [2, '2 entries'],
  ])('%i → %s', (count, text) => {
    expect(entriesText(count)).toBe(text);
  });

  it('says "M of N entries" with the noun agreeing with N', () => {
    expect(shownOfTotalText(1, 1)).toBe('1 entry');
    expect(shownOfTotalText(0, 1)).toBe('0 of 1 entry');
    expect(shownOfTotalText(1, 5)).toBe('1 of 5 entries');
  });
});
