import type { Page } from 'playwright-core';

/**
 * Types each chat ID into the view's "Chat ID" field and presses Enter, never waiting for an answer: the
 * same input and keydown events typing makes, dispatched in the page so that a burst leaves within a fraction
 * of a second (Playwright's fill + press costs one or two CDP round trips each, ~0.1–0.3 s per request on a
 * loaded 2-core machine). Between the input and the Enter the view re-renders, so Enter fires the typed ID.
 */
export function burst(page: Page, chatIds: readonly string[]): Promise<void> {
  return page.evaluate(async (ids) => {
    const label = [...document.querySelectorAll('label')].find(
      (candidate) => candidate.textContent?.trim() === 'Chat ID',
    );
    const field = label ? document.getElementById(label.htmlFor) : null;
    if (!(field instanceof HTMLInputElement)) throw new Error('no "Chat ID" field');
    // A macrotask that background tabs do not throttle (unlike setTimeout and requestAnimationFrame).
    // It must live inside the evaluated function, which runs in the page.
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const tick = () =>
      new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      });
    for (const id of ids) {
      field.focus();
      field.value = id;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: id }));
      await tick();
      field.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }),
      );
    }
  }, chatIds);
}
