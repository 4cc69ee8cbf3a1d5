import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Elements that server text would create if it were ever rendered as markup. */
const MARKUP = 'img, script, b, i, iframe, object, embed, svg, style, link';
// The characters the decoder escapes, plus CR and LF (which a pre-wrap message would show as a forged new line).
const RAW_CONTROL =
  // oxlint-disable-next-line no-control-regex -- finding raw control characters is the point
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\u3164\ufeff\uffa0\ufff9-\ufffb]/u;

export interface ViewSafety {
  /** Anchors whose href is neither the Linq docs nor one of the extension's own pages. */
  badLinks: string[];
  /** How many anchors were checked. */
  links: number;
  /** Tags of markup elements found inside the History and Latest result regions. */
  markup: string[];
  /** Raw control or bidi characters in the server-text fields of those regions (as \u escapes). */
  rawControl: string[];
  pwned: unknown;
}

/** Everything a hostile answer must not achieve in a view, read in one go. */
export function viewSafety(page: Page): Promise<ViewSafety> {
  return page.evaluate(
    ({ markup, control }) => {
      const own = `${location.origin}/`;
      const anchors = [...document.querySelectorAll('a')];
      const badLinks = anchors
        .map((anchor) => anchor.getAttribute('href') ?? '(no href)')
        .filter(
          (href) => !href.startsWith('https://docs.linqapp.com/') && !new URL(href, location.href).href.startsWith(own),
        );
      const regions = [
        ...document.querySelectorAll('section[aria-label="History"], section[aria-label="Latest result"]'),
      ];
      const found = regions.flatMap((region) =>
        [...region.querySelectorAll(markup)].map((element) => element.tagName.toLowerCase()),
      );
      const pattern = new RegExp(control, 'u');
      const rawControl = regions
        .flatMap((region) => [...region.querySelectorAll('.server-text, dd, code')])
        .map((element) => element.textContent ?? '')
        .filter((text) => pattern.test(text))
        .map((text) => JSON.stringify(text).slice(0, 200));
      return {
        badLinks,
        links: anchors.length,
        markup: found,
        rawControl,
        // The global the hostile markup would set if it ever ran.
        pwned: Reflect.get(window, '__pwned') as unknown,
      };
    },
    { markup: MARKUP, control: RAW_CONTROL.source },
  );
}

/**
 * Nothing the server sent became markup, a foreign link or script in any of `views`, nor, unless told otherwise
 * (a view whose details show a body preview, new lines included), an unescaped control or bidi character.
 */
export async function expectViewsSafe(views: readonly Page[], { rawControl = true } = {}): Promise<void> {
  const safeties = await Promise.all(views.map((page) => viewSafety(page)));
  for (const [index, page] of views.entries()) {
    const safety = safeties[index]!;
    expect(safety.pwned, page.url()).toBeUndefined();
    expect(safety.badLinks, page.url()).toEqual([]);
    expect(safety.markup, page.url()).toEqual([]);
    if (rawControl) expect(safety.rawControl, page.url()).toEqual([]);
  }
}

/** The status label a view shows for the newest rendered entry of `chatId` ('' when none is rendered), in one read. */
export function shownStatus(page: Page, chatId: string): Promise<string> {
  return page.evaluate((wanted) => {
    const items = document.querySelectorAll('section[aria-label="History"] li');
    for (const item of items) {
      if (item.querySelector('.chat-id')?.textContent?.trim() === wanted)
        return item.querySelector('.status')?.textContent?.trim() ?? '';
    }
    return '';
  }, chatId);
}
