import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip -9 size of a file, in bytes. */
function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** Resolves a specifier found in `from` (a path relative to the dist folder) to a path relative to it. */
function resolveIn(from: string, specifier: string): string {
  if (specifier.startsWith('/')) return specifier.slice(1);
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

function importsOf(dist: string, file: string, pattern: RegExp): string[] {
  const code = readFileSync(join(dist, file), 'utf8');
  return [...code.matchAll(pattern)].map((match) => resolveIn(file, match[1]!));
}

/** Every file reachable from `roots` by static imports. */
function staticClosure(dist: string, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(dist, file, STATIC_IMPORT));
  }
  return seen;
}

export interface JsSize {
  eagerFiles: string[];
  eagerGzip: number;
  lazyFiles: string[];
  lazyGzip: number;
}

/**
 * The JS a page loads: its module scripts and modulepreload links, and everything they import statically
 * (eager); then what is only reachable through import() (lazy), with its own static imports.
 */
function jsSize(dist: string, roots: string[]): JsSize {
  const eager = staticClosure(dist, roots);
  const lazyRoots = [...eager]
    .flatMap((file) => importsOf(dist, file, DYNAMIC_IMPORT))
    .filter((file) => !eager.has(file));
  const lazy = [...staticClosure(dist, lazyRoots)].filter((file) => !eager.has(file));
  const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzipBytes(join(dist, file)), 0);
  return { eagerFiles: [...eager].toSorted(), eagerGzip: sum(eager), lazyFiles: lazy.toSorted(), lazyGzip: sum(lazy) };
}

/** Sizes of a built HTML page's JS, following its <script type=module src> and <link rel=modulepreload>. */
export function pageJsSize(dist: string, html: string): JsSize {
  const text = readFileSync(join(dist, html), 'utf8');
  const roots = [
    ...[...text.matchAll(/<script[^>]*type=["']module["'][^>]*src=["']([^"']+)["']/g)].map((match) => match[1]!),
    ...[...text.matchAll(/<link[^>]*rel=["']modulepreload["'][^>]*href=["']([^"']+)["']/g)].map((match) => match[1]!),
  ].map((specifier) => resolveIn(html, specifier));
  if (roots.length === 0) throw new Error(`bench: ${html} loads no module script`);
  return jsSize(dist, roots);
}

/** Sizes of the service worker: the loader the manifest names and what it imports. */
export function workerJsSize(dist: string): JsSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
  };
  const entry = manifest.background?.service_worker;
  if (!entry) throw new Error('bench: the built manifest names no service worker');
  return jsSize(dist, [entry]);
}

/** The bench reports KB as 1024 bytes. */
export const KB = 1024;

/** The popup's first-load JS, gzip -9, in KB (issue 4): bench row size.popup.js.gzip, and bundle-budget.test.ts. */
export const POPUP_JS_GZIP_BUDGET_KB = 20;
