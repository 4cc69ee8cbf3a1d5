import type { Locator, Page } from 'playwright-core';

/** A short description of the focused element, e.g. `button "Stop typing"` or `input#popup-api-key`. */
export function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const label =
      element.getAttribute('aria-label') ??
      ((element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 60);
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${label}"`;
  });
}

/** Whether `locator`'s element has the focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement, undefined, { timeout: 2_000 });
}

export interface TabReach {
  /** Every control a keyboard user should be able to reach, described. */
  expected: string[];
  /** Of those, the ones Tab never reached. */
  missed: string[];
  /** The Tab order as visited. */
  visited: string[];
}

/**
 * Presses Tab through the whole page, from the top, and reports which visible, enabled controls it never
 * reached. In a radio group only the checked radio is a Tab stop (the arrow keys move within the group), so
 * the unchecked radios of a group with a checked one are not expected.
 */
export async function tabThrough(page: Page): Promise<TabReach> {
  await page.bringToFront();
  const expected = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
      if ((element as HTMLButtonElement).disabled) return false;
      if (element.getAttribute('tabindex') === '-1') return false;
      if (element instanceof HTMLInputElement && element.type === 'hidden') return false;
      // checkVisibility also hides what a closed <details> folds away (content-visibility: hidden).
      if (!element.checkVisibility({ visibilityProperty: true })) return false;
      if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked) {
        const group = document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${element.name}"]`);
        if ([...group].some((radio) => radio.checked)) return false;
      }
      return true;
    });
    candidates.forEach((element, index) => element.setAttribute('data-e2e-tab', String(index)));
    (document.activeElement as HTMLElement | null)?.blur();
    return candidates.map((element) => {
      const label =
        element.getAttribute('aria-label') ??
        ((element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '')
          .trim()
          .replace(/\s+/g, ' ')
          .slice(0, 50);
      return `${element.tagName.toLowerCase()} "${label}"`;
    });
  });
  const reached = new Set<number>();
  const visited: string[] = [];
  for (let step = 0; step < expected.length * 2 + 10; step += 1) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate(() => document.activeElement?.getAttribute('data-e2e-tab') ?? null);
    if (index === null) {
      visited.push(await focusedDescription(page));
      continue;
    }
    const n = Number(index);
    if (reached.has(n) && reached.size > 0 && n === [...reached][0]) break;
    reached.add(n);
    visited.push(expected[n]!);
  }
  await page.evaluate(() =>
    document.querySelectorAll('[data-e2e-tab]').forEach((element) => element.removeAttribute('data-e2e-tab')),
  );
  return { expected, missed: expected.filter((_, index) => !reached.has(index)), visited };
}
