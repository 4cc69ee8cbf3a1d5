import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/core/linq/text.ts';

/** Every Unicode Bidi_Control character, and the fillers that render as nothing. */
const BIDI_CONTROLS = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const INVISIBLE_FILLERS = [0x115f, 0x1160, 0x3164, 0xffa0, 0x180e, 0xfff9, 0xfffa, 0xfffb];

const hex = (code: number) => code.toString(16);

describe('sanitizeText', () => {
  it.each(BIDI_CONTROLS.map((code) => [hex(code), code]))('escapes the bidi control U+%s', (_name, code) => {
    expect(sanitizeText(`12-${String.fromCodePoint(code)}34-56`, 100)).toBe(`12-\\u{${hex(code)}}34-56`);
  });

  it.each(INVISIBLE_FILLERS.map((code) => [hex(code), code]))('escapes the invisible filler U+%s', (_name, code) => {
    expect(sanitizeText(`a${String.fromCodePoint(code)}b`, 100)).toBe(`a\\u{${hex(code)}}b`);
  });

  it('keeps a digit sequence readable in order when an Arabic letter mark sits in it', () => {
    expect(sanitizeText('12\u061c-34\u061c-56', 100)).toBe('12\\u{61c}-34\\u{61c}-56');
  });

  it('leaves ordinary non-ASCII letters, the tab and printable text alone', () => {
    expect(sanitizeText('Grüße, مرحبا, 你好\tok', 100)).toBe('Grüße, مرحبا, 你好\tok');
  });
});
