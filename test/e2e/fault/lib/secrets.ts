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

/**
 * The spellings of the key a leak may take: as is and URL-encoded (the same for the fault key, different for a
 * key with `$` or `+`), matched in any case, since a lowercased key is still most of the key.
 */
export function keySpellings(key: string): string[] {
  return [...new Set([key, encodeURIComponent(key)].map((form) => form.toLowerCase()))];
}

function occurrences(haystack: string, key: string): number {
  const lower = haystack.toLowerCase();
  return keySpellings(key).reduce((sum, form) => sum + lower.split(form).length - 1, 0);
}

/** Occurrences of the key in named texts (exports, a copied report, a page's text), as leaks. */
export function leaksInTexts(texts: ReadonlyArray<{ where: string; text: string }>, key = FAULT_KEY): Leak[] {
  return texts.map(({ where, text }) => ({ where, count: occurrences(text, key) })).filter((leak) => leak.count > 0);
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
  /** More texts to search, such as exported files and copied reports. */
  texts?: ReadonlyArray<{ where: string; text: string }>;
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
  // The popup's first-paint copy, and anything else the extension's pages keep in localStorage.
  add('localStorage of the extension', await options.page.evaluate(() => JSON.stringify({ ...localStorage })));
  leaks.push(...leaksInTexts(options.texts ?? [], key));
  leaks.push(...(await leaksInViews(options.views, key)));
  for (const line of options.observer.console) add(`console.${line.type} of ${line.where}`, line.text);
  for (const message of options.observer.workerErrors) add('worker errors collected by Chrome', message);
  for (const request of options.observer.requests) {
    // A refused redirect's target is announced by the browser but never fetched: its URL is the server's own
    // Location (which may quote the key), not something the extension sent. Fetched, it would count.
    if (request.redirectedFrom !== undefined && !request.finished) continue;
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
