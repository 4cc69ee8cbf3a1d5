import { describe, expect, it } from 'vitest';
import { ownPageScriptTab, type SenderInfo } from '../../../src/core/sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('ownPageScriptTab', () => {
  it.each<[string, SenderInfo, number]>([
    ['an https page', { id: ID, url: 'https://crm.example/x', tab: { id: 7 } }, 7],
    ['an http page', { id: ID, url: 'http://localhost:8080/chats', tab: { id: 12 } }, 12],
    ['a page in the first tab', { id: ID, url: 'https://crm.example/', tab: { id: 0 } }, 0],
    [
      'a page with a web origin',
      { id: ID, url: 'https://crm.example/x', origin: 'https://crm.example', tab: { id: 3 } },
      3,
    ],
  ])('gives the tab of this extension\u2019s script in %s', (_name, sender, tabId) => {
    expect(ownPageScriptTab(sender, ID)).toBe(tabId);
  });

  it.each<[string, SenderInfo]>([
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'https://crm.example/x', tab: { id: 7 } }],
    ['a sender with no id', { url: 'https://crm.example/x', tab: { id: 7 } }],
    ['a sender outside any tab', { id: ID, url: 'https://crm.example/x' }],
    ['a tab without an id', { id: ID, url: 'https://crm.example/x', tab: {} }],
    ['an extension page', { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` }],
    [
      'an extension page opened as a tab',
      { id: ID, url: `chrome-extension://${ID}/src/popup/index.html`, tab: { id: 7 } },
    ],
    ['a file:// page', { id: ID, url: 'file:///home/me/chat.html', tab: { id: 7 } }],
    ['a look-alike scheme', { id: ID, url: 'httpx://crm.example/x', tab: { id: 7 } }],
    ['a data: URL', { id: ID, url: 'data:text/html,https://crm.example/', tab: { id: 7 } }],
    ['a missing URL', { id: ID, tab: { id: 7 } }],
  ])('gives nothing for %s', (_name, sender) => {
    expect(ownPageScriptTab(sender, ID)).toBeUndefined();
  });
});
