import { compareNewestFirst, type IndexRow } from './history-index.ts';

/**
 * Where the next chunk of the search index starts: the operator's own rows by id, then the import summaries
 * (one a page of imported entries) by key. Opaque to a view, which only hands it back.
 */
export interface IndexChunkCursor {
  part: 'own' | 'imported';
  /** The last key read; the chunk starts after it. */
  after?: string | number;
}

/** Some index rows, in storage order (not newest first), and where to read on; no `next` after the last. */
export interface IndexChunk {
  rows: IndexRow[];
  next?: IndexChunkCursor;
}

/** Reads the index a chunk at a time, each chunk in its own transaction, so no read holds a view up for long. */
export interface IndexChunkReader {
  /** About `count` rows from `cursor` (undefined: from the start). */
  indexChunk(cursor: IndexChunkCursor | undefined, count: number): Promise<IndexChunk>;
}

/** Merges two lists sorted newest first into one, in one pass (a chunk into what was loaded before it). */
export function mergeNewestFirst(a: readonly IndexRow[], b: readonly IndexRow[]): IndexRow[] {
  const merged: IndexRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compareNewestFirst(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
