import { describe, expect, it } from 'vitest';
import { watchSelection, type SelectionEnv } from '../../src/platform/page/selection-reporter.ts';
import type { PageSelectionMessage } from '../../src/core/protocol.ts';

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const OTHER = '9f1c2d3e-4b5a-4c6d-8e7f-a0b1c2d3e4f5';

type Listener = (event: { isTrusted: boolean }) => void;

/** A page with a selection the test sets, events the test fires (trusted or not), and the messages sent. */
function fakePage({ failSends = 0 } = {}) {
  const listeners: Record<string, Listener[]> = {};
  const target = {
    addEventListener: (type: string, listener: Listener) => void (listeners[type] ??= []).push(listener),
  };
  const deferred: Array<() => void> = [];
  const sent: PageSelectionMessage[] = [];
  let selection = '';
  let failures = failSends;
  const env: SelectionEnv = {
    document: { ...target, hasFocus: () => true },
    window: { ...target, getSelection: () => ({ toString: () => selection }) },
    async send(message) {
      sent.push(message);
      if (failures > 0) {
        failures -= 1;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
    },
    defer: (run) => void deferred.push(run),
  };
  const fire = (type: string, isTrusted: boolean) => {
    for (const listener of listeners[type] ?? []) listener({ isTrusted });
  };
  return {
    env,
    sent,
    select(text: string) {
      selection = text;
    },
    /** The browser's selectionchange for a selection the operator (trusted) or a script's dispatchEvent made. */
    change(isTrusted = true) {
      fire('selectionchange', isTrusted);
      for (const run of deferred.splice(0)) run();
    },
    fire,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('selection script: what reaches the worker', () => {
  it('ignores events a page script dispatched itself, however many', () => {
    const page = fakePage();
    watchSelection(page.env);
    page.select(`chat ${CHAT}`);
    for (let i = 0; i < 1_000; i += 1) {
      page.change(false);
      page.fire('focus', false);
      page.fire('contextmenu', false);
    }
    expect(page.sent).toEqual([]);
    // The operator's own selection still works.
    page.change(true);
    expect(page.sent).toEqual([{ type: 'page.selection', chatId: CHAT }]);
  });

  it('sends the same chat only once in a row, whatever events follow', () => {
    const page = fakePage();
    watchSelection(page.env);
    page.select(CHAT);
    page.change();
    for (let i = 0; i < 100; i += 1) {
      page.fire('focus', true);
      page.fire('contextmenu', true);
      page.change();
    }
    expect(page.sent).toEqual([{ type: 'page.selection', chatId: CHAT }]);
    page.select(OTHER);
    page.change();
    page.select('no chat here');
    page.change();
    page.select('');
    page.change();
    expect(page.sent).toEqual([
      { type: 'page.selection', chatId: CHAT },
      { type: 'page.selection', chatId: OTHER },
      { type: 'page.selection' },
    ]);
  });

  it('sends it again when the worker asks (its second injection of the script)', () => {
    const page = fakePage();
    const watcher = watchSelection(page.env);
    page.select(CHAT);
    page.change();
    watcher.askAgain();
    expect(page.sent).toEqual([
      { type: 'page.selection', chatId: CHAT },
      { type: 'page.selection', chatId: CHAT },
    ]);
  });

  it('after a report the worker did not receive, the next event reports again', async () => {
    const page = fakePage({ failSends: 1 });
    watchSelection(page.env);
    page.select(CHAT);
    page.change();
    await settle();
    page.fire('focus', true);
    expect(page.sent).toEqual([
      { type: 'page.selection', chatId: CHAT },
      { type: 'page.selection', chatId: CHAT },
    ]);
  });
});
