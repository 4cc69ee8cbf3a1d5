/**
 * Mozilla's add-on linter (web-ext lint, addons-linter inside; offline) on the built dist-firefox/: what
 * addons.mozilla.org checks at upload. No errors; the only warnings are the ones the README explains.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { ROOT_DIR } from '../e2e/harness/paths.ts';
import { FIREFOX_DIST_DIR } from './harness/firefox.ts';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

test('web-ext lint: 0 errors, and only the innerHTML warnings of preact’s renderer', async () => {
  const { stdout } = await promisify(execFile)(
    `${ROOT_DIR}/node_modules/.bin/web-ext`,
    ['lint', '--source-dir', FIREFOX_DIST_DIR, '--output', 'json', '--no-input'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as LintReport;
  expect(report.errors).toEqual([]);
  expect(report.notices).toEqual([]);
  const files = report.warnings.map((warning) => (warning.file ?? '').replace(/-[\w-]{8}\.js$/, '.js')).toSorted();
  // The two pages' files and the chunk they share; rolldown names that chunk after a module in it, so its name moves.
  expect(files).toHaveLength(3);
  expect(files.filter((file) => file === 'assets/panel.js' || file === 'assets/popup.js')).toEqual([
    'assets/panel.js',
    'assets/popup.js',
  ]);
  expect(files.every((file) => file.startsWith('assets/'))).toBe(true);
  expect(new Set(report.warnings.map((warning) => `${warning.code}: ${warning.message}`))).toEqual(
    new Set(['UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML']),
  );
  // Each is preact's renderer, which sets innerHTML only from dangerouslySetInnerHTML.__html ...
  for (const warning of report.warnings) {
    const code = readFileSync(join(FIREFOX_DIST_DIR, warning.file ?? ''), 'utf8');
    const assignments = code.match(/\.innerHTML=[^,;)]*/g) ?? [];
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatch(/^\.innerHTML=\w+\.__html$/);
  }
  // ... and no source file uses it.
  expect(sourcesUsing('dangerouslySetInnerHTML', join(ROOT_DIR, 'src'))).toEqual([]);
});

function sourcesUsing(word: string, dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => readFileSync(path, 'utf8').includes(word));
}
