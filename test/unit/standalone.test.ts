import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Folders that are built, installed or produced by a run, never part of a clone. */
const SKIPPED = new Set(['.git', 'node_modules', 'test-results', '.cache']);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|html|css|yml|yaml|txt)$|(^|\/)(run|\.gitignore)$/;

function repositoryFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED.has(name) || name.startsWith('dist')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return repositoryFiles(path);
    return TEXT.test(path) && !name.endsWith('-lock.json') ? [path] : [];
  });
}

// Built from parts so this file does not match itself.
const OUTSIDE = [['..', 'shared'].join('/'), ['shared', 'reference'].join('/'), ['DESIGN', ' §'].join('')];

describe('the repository stands alone', () => {
  it('no file reads, cites or points at the workplace folder beside the repository', () => {
    const offenders = repositoryFiles(ROOT).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return OUTSIDE.filter((needle) => text.includes(needle)).map((needle) => `${relative(ROOT, path)}: ${needle}`);
    });
    expect(offenders).toEqual([]);
  });

  it('ships the error-code list that the mock and the catalogue test read', () => {
    const codes = JSON.parse(readFileSync(join(ROOT, 'docs/linq-error-codes.json'), 'utf8')) as unknown[];
    expect(codes).toHaveLength(48);
  });
});
