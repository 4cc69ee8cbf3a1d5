import { describe, expect, it } from 'vitest';
import {
  createPageMenuState,
  HIDDEN_MENU,
  menuLookFor,
  PAGE_MENU_SITES,
  reportedChatId,
} from '../../src/core/page-menu.ts';

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const OTHER_CHAT = '9f1c2d3e-4b5a-4c6d-8e7f-a0b1c2d3e4f5';
const SHOWN = { visible: true, title: `Stop typing in Linq chat ${CHAT}` };
const HIDDEN = { visible: false, title: 'Stop typing in Linq chat' };

/** A state as the worker has it once site access is known to be given (no report seen yet). */
function enabledState() {
  const state = createPageMenuState();
  expect(state.setEnabled(true)).toBeUndefined();
  return state;
}

describe('page menu look', () => {
  it('hides the item without a chat and names the chat when there is one', () => {
    expect(HIDDEN_MENU).toEqual(HIDDEN);
    expect(menuLookFor(undefined)).toEqual(HIDDEN);
    expect(menuLookFor(CHAT)).toEqual(SHOWN);
  });

  it('runs the selection script on every http and https site', () => {
    expect(PAGE_MENU_SITES).toEqual(['https://*/*', 'http://*/*']);
  });

  it('checks a reported chat ID again instead of trusting the page', () => {
    expect(reportedChatId(undefined)).toBeUndefined();
    expect(reportedChatId('not-a-uuid')).toBeUndefined();
    expect(reportedChatId('')).toBeUndefined();
    expect(reportedChatId('1b4e28ba-2fa1-4d2b-883f')).toBeUndefined();
    expect(reportedChatId(CHAT)).toBe(CHAT);
    expect(reportedChatId(CHAT.toUpperCase())).toBe(CHAT);
    expect(reportedChatId(` ${CHAT.toUpperCase()} `)).toBe(CHAT);
  });
});

describe('page menu state', () => {
  it('shows the item for a reported chat UUID, and does not ask again for the same report', () => {
    const state = enabledState();
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.report(1, CHAT)).toBeUndefined();
  });

  it('hides the item when the selection no longer holds a chat', () => {
    const state = enabledState();
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.report(1, undefined)).toEqual(HIDDEN);
    expect(state.report(1, undefined)).toBeUndefined();
  });

  it('changes the title when another chat is selected', () => {
    const state = enabledState();
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.report(1, OTHER_CHAT)).toEqual({ visible: true, title: `Stop typing in Linq chat ${OTHER_CHAT}` });
  });

  it('hides the item for a report that is not a chat UUID', () => {
    const state = enabledState();
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.report(1, 'not-a-uuid')).toEqual(HIDDEN);
  });

  it('shows an upper-case or padded UUID lower-cased, as the same chat', () => {
    const state = enabledState();
    expect(state.report(1, CHAT.toUpperCase())).toEqual(SHOWN);
    expect(state.report(1, ` ${CHAT} `)).toBeUndefined();
    expect(state.report(1, CHAT)).toBeUndefined();
  });

  it('remembers each tab\u2019s report and follows the tab in front', () => {
    const state = enabledState();
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.activated(2)).toEqual(HIDDEN);
    expect(state.activated(1)).toEqual(SHOWN);
    expect(state.activated(1)).toBeUndefined();
  });

  it('shows the chat of the tab switched to when that tab reported one too', () => {
    const state = enabledState();
    expect(state.report(2, OTHER_CHAT)).toEqual({ visible: true, title: `Stop typing in Linq chat ${OTHER_CHAT}` });
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.activated(2)).toEqual({ visible: true, title: `Stop typing in Linq chat ${OTHER_CHAT}` });
  });

  it('forgets a tab that navigated or closed', () => {
    const state = enabledState();
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.forget(1)).toEqual(HIDDEN);
    expect(state.activated(2)).toBeUndefined();
    expect(state.activated(1)).toBeUndefined();
  });

  it('leaves the item alone when a tab in the background is forgotten', () => {
    const state = enabledState();
    expect(state.report(2, OTHER_CHAT)).toEqual({ visible: true, title: `Stop typing in Linq chat ${OTHER_CHAT}` });
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.forget(2)).toBeUndefined();
    expect(state.activated(2)).toEqual(HIDDEN);
  });

  it('hides the item when turned off, and forgets every report so turning on again shows nothing old', () => {
    const state = enabledState();
    expect(state.report(1, CHAT)).toEqual(SHOWN);
    expect(state.setEnabled(false)).toEqual(HIDDEN);
    expect(state.setEnabled(true)).toBeUndefined();
    expect(state.activated(1)).toBeUndefined();
    expect(state.report(1, CHAT)).toEqual(SHOWN);
  });

  it('leaves Chrome\u2019s item alone when a fresh worker is turned on before any report', () => {
    expect(createPageMenuState().setEnabled(true)).toBeUndefined();
  });

  it('hides the item when a fresh worker finds the menu turned off', () => {
    const state = createPageMenuState();
    expect(state.setEnabled(false)).toEqual(HIDDEN);
    expect(state.setEnabled(false)).toBeUndefined();
  });

  it('keeps the item hidden while turned off, whatever a page reports', () => {
    const state = createPageMenuState();
    expect(state.setEnabled(false)).toEqual(HIDDEN);
    expect(state.report(1, CHAT)).toBeUndefined();
    expect(state.activated(1)).toBeUndefined();
  });
});
