/**
 * Budgets of the built dist/ (the e2e global setup builds it): the popup's first load stays small and free
 * of zod and the polyfill (docs/decisions.md, item 8), and no chunk ships twice. Timings stay in the bench.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KB, pageJsSize, POPUP_JS_GZIP_BUDGET_KB, workerJsSize } from '../bench/sizes.ts';
import { DIST_DIR, VIEW_PATHS } from './harness/paths.ts';

/**
 * What each library leaves in any build of it, minified or not. zod's core names every class it makes
 * (`$constructor("$ZodType", …)`, `$ZodError`, `$ZodCheck`…), and every schema and error is one of them;
 * webextension-polyfill throws this message when loaded outside an extension.
 */
const LIBRARIES = {
  zod: /["'`]\$Zod[A-Z]\w*["'`]/,
  'webextension-polyfill': /This script should only be loaded in a browser extension\./,
} as const;
type Library = keyof typeof LIBRARIES;

const read = (file: string) => readFileSync(join(DIST_DIR, file), 'utf8');
const librariesIn = (files: readonly string[]) =>
  (Object.keys(LIBRARIES) as Library[]).filter((library) => files.some((file) => LIBRARIES[library].test(read(file))));

const popup = pageJsSize(DIST_DIR, VIEW_PATHS.popup);

describe("the popup's first load", () => {
  test(`is at most ${POPUP_JS_GZIP_BUDGET_KB} KB of JS, gzip -9 (bench row size.popup.js.gzip)`, () => {
    expect(popup.eagerGzip / KB, popup.eagerFiles.join(', ')).toBeLessThanOrEqual(POPUP_JS_GZIP_BUDGET_KB);
  });

  test('pulls in neither zod nor webextension-polyfill', () => {
    expect(librariesIn(popup.eagerFiles), popup.eagerFiles.join(', ')).toEqual([]);
  });

  test('the markers do find both libraries where they are: in the worker, and zod in the popup (loaded lazily)', () => {
    expect(librariesIn(workerJsSize(DIST_DIR).eagerFiles)).toEqual(['zod', 'webextension-polyfill']);
    expect(librariesIn([...popup.eagerFiles, ...popup.lazyFiles])).toEqual(['zod']);
  });
});

test('each view page loads one script, render-blocking, with its CSS inline (no stylesheet to wait for)', () => {
  for (const path of [VIEW_PATHS.popup, VIEW_PATHS.panel]) {
    const html = read(path);
    expect(pageJsSize(DIST_DIR, path).eagerFiles, path).toHaveLength(1);
    expect(html.match(/<script\b[^>]*>/g), path).toEqual([expect.stringContaining('blocking="render"')]);
    expect(html, path).not.toContain('rel="stylesheet"');
  }
});

test('no chunk ships twice: every JS file in dist/ has its own content', () => {
  const files = readdirSync(DIST_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  const byContent = new Map<string, string[]>();
  for (const file of files) {
    const digest = createHash('sha256').update(read(file)).digest('hex');
    byContent.set(digest, [...(byContent.get(digest) ?? []), file]);
  }
  const twice = [...byContent.values()].filter((copies) => copies.length > 1).map((copies) => copies.toSorted());
  expect(twice).toEqual([]);
});
