/** The documented Linq error codes, read once from docs/linq-error-codes.json (the list Linq's docs publish). */
import { readFileSync } from 'node:fs';

/** One row of linq-error-codes.json (the fields the mock uses). */
export interface DocumentedCode {
  readonly code: number;
  readonly http: number;
  readonly message: string;
  readonly doc_url: string;
}

const CODES_URL = new URL('../../docs/linq-error-codes.json', import.meta.url);

function isDocumentedCode(value: unknown): value is DocumentedCode {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.code === 'number' &&
    typeof row.http === 'number' &&
    typeof row.message === 'string' &&
    typeof row.doc_url === 'string'
  );
}

function loadCodes(): ReadonlyMap<number, DocumentedCode> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(CODES_URL, 'utf8'));
  } catch (error) {
    throw new Error(`mock-linq: cannot read ${CODES_URL.pathname}`, {
      cause: error,
    });
  }
  if (!Array.isArray(parsed) || !parsed.every(isDocumentedCode)) {
    throw new Error(`mock-linq: ${CODES_URL.pathname} is not a list of {code, http, message, doc_url}`);
  }
  return new Map(parsed.map((row) => [row.code, row]));
}

/** All documented codes, by code. */
export const DOCUMENTED_CODES: ReadonlyMap<number, DocumentedCode> = loadCodes();

/** A documented code's row; throws for an undocumented one, so a typo in a scenario fails at load. */
export function documentedCode(code: number): DocumentedCode {
  const entry = DOCUMENTED_CODES.get(code);
  if (entry === undefined) throw new Error(`mock-linq: code ${code} is not in linq-error-codes.json`);
  return entry;
}
