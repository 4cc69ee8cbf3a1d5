/**
 * `npm run zip`: packs dist/ into linq-typing-inspector-<version>.zip for the Chrome Web Store;
 * `npm run zip:firefox` (this script with `firefox`) packs dist-firefox/ into
 * linq-typing-inspector-<version>-firefox.zip for addons.mozilla.org.
 * Files sit at the zip's root (both stores want manifest.json there) and carry a fixed date, so the same
 * build gives the same bytes.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const root = resolve(import.meta.dirname, '..');
const firefox = process.argv[2] === 'firefox';
const dist = join(root, firefox ? 'dist-firefox' : 'dist');
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

function collect(dir: string, into: Zippable): void {
  for (const name of readdirSync(dir).toSorted()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, into);
    else into[relative(dist, path).split('\\').join('/')] = [readFileSync(path), { mtime: FIXED_DATE }];
  }
}

let manifest: { version: string };
try {
  manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { version: string };
} catch {
  console.error(
    firefox
      ? 'dist-firefox/manifest.json not found: run `npm run build:firefox` first.'
      : 'dist/manifest.json not found: run `npm run build` first.',
  );
  process.exit(1);
}
const files: Zippable = {};
collect(dist, files);
const out = join(root, `linq-typing-inspector-${manifest.version}${firefox ? '-firefox' : ''}.zip`);
const zipped = zipSync(files, { level: 9 });
writeFileSync(out, zipped);
console.log(`${relative(root, out)}: ${Object.keys(files).length} files, ${(zipped.length / 1024).toFixed(1)} KB`);
