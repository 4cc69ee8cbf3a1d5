import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const text = readFileSync(new URL('ARCHITECTURE.md', ROOT), 'utf8');
/** What a build or a run makes (dist/, bench-results.json): named in the text, absent from a fresh clone. */
const MADE_BY_RUNS = new Set(readFileSync(new URL('.gitignore', ROOT), 'utf8').split('\n').filter(Boolean));
/** A backticked token that names a file or folder of the repository: it has a slash or a file ending. */
const PATH = /^(?:\.?[\w.-]+\/)*[\w.-]*(?:\/|\.(?:ts|tsx|json|md|html|css))$/;

describe('ARCHITECTURE.md', () => {
  it('fits one screen: at most 60 lines of at most 120 characters', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(60);
    expect(lines.filter((line) => [...line].length > 120)).toEqual([]);
  });

  it('names only paths that exist', () => {
    const paths = [...text.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!).filter((token) => PATH.test(token));
    expect(paths.length).toBeGreaterThan(20);
    const missing = paths.filter((path) => !MADE_BY_RUNS.has(path) && !existsSync(new URL(path, ROOT)));
    expect(missing).toEqual([]);
  });
});
