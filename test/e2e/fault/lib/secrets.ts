import type { Page } from 'playwright-core';
import type { RecordedRequest } from '../../../mock-linq/server.ts';
import { readExtensionStorage } from '../../harness/storage.ts';
import { dumpIndexedDb } from './db.ts';
import type { FaultObserver } from './observer.ts';

/** A key distinctive enough that any occurrence of it is a leak, never a coincidence. */
export const FAULT_KEY = 'sk_fault_SECRET_7f3a9c';

export interface Leak {
  where: string;
  count: number;
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/**
 * A view's rendered text and markup. The API key input is the one place the key may be (as its value
 * property); Preact never writes it as an attribute, but should it ever, only that attribute is exempt.
 */
export function viewText(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const input of clone.querySelectorAll('input[id$="-api-key"]')) input.removeAttribute('value');
    return { text: document.body.innerText, html: clone.outerHTML };
  });
}

/** The key in what the open views show, as text or markup. */
export async function leaksInViews(pages: Page[], key = FAULT_KEY): Promise<Leak[]> {
  const leaks: Leak[] = [];
  const views = pages.filter((page) => !page.isClosed() && page.url().startsWith('chrome-extension://'));
  const texts = await Promise.all(views.map((page) => viewText(page)));
  for (const [index, page] of views.entries()) {
    const { text, html } = texts[index]!;
    const inText = occurrences(text, key);
    const inHtml = occurrences(html, key);
    if (inText > 0) leaks.push({ where: `innerText of ${page.url()}`, count: inText });
    if (inHtml > 0) leaks.push({ where: `outerHTML of ${page.url()}`, count: inHtml });
  }
  return leaks;
}

/**
 * The whole sweep (issue 3 §6): chrome.storage.local (the key is never remembered in this suite), every
 * IndexedDB record, every view's text and markup, every console line of the pages and the worker, the
 * worker's collected errors, every URL the browser requested, and every header the mock received except
 * Authorization. `page` must be an open extension page (it reads storage and IndexedDB).
 */
export async function sweepForKey(options: {
  page: Page;
  views: Page[];
  observer: FaultObserver;
  mockRequests: readonly RecordedRequest[];
  key?: string;
}): Promise<Leak[]> {
  const key = options.key ?? FAULT_KEY;
  const leaks: Leak[] = [];
  const add = (where: string, text: string) => {
    const count = occurrences(text, key);
    if (count > 0) leaks.push({ where, count });
  };
  const { local, session } = await readExtensionStorage(options.page);
  add('chrome.storage.local', JSON.stringify(local));
  // storage.session is where an unremembered key lives, under "apiKey.<environment>" and nowhere else.
  const restOfSession = Object.fromEntries(Object.entries(session).filter(([name]) => !name.startsWith('apiKey.')));
  add('chrome.storage.session (besides the apiKey.* slots)', JSON.stringify(restOfSession));
  add('IndexedDB', await dumpIndexedDb(options.page));
  leaks.push(...(await leaksInViews(options.views, key)));
  for (const line of options.observer.console) add(`console.${line.type} of ${line.where}`, line.text);
  for (const message of options.observer.workerErrors) add('worker errors collected by Chrome', message);
  for (const request of options.observer.requests) {
    add(`requested URL ${request.url.slice(0, 80)}`, request.url);
    const { authorization: _authorization, ...otherHeaders } = request.headers;
    add(`headers (besides Authorization) of ${request.url.slice(0, 80)}`, JSON.stringify(otherHeaders));
  }
  for (const request of options.mockRequests) {
    add(`mock path ${request.path.slice(0, 80)}`, request.path);
    const { authorization: _authorization, ...otherHeaders } = request.headers;
    add(`mock headers (besides Authorization) of ${request.path.slice(0, 80)}`, JSON.stringify(otherHeaders));
  }
  return leaks;
}

export function leakCount(leaks: readonly Leak[]): number {
  return leaks.reduce((sum, leak) => sum + leak.count, 0);
}
