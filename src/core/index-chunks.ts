import type { IndexRow } from './history-index.ts';

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
