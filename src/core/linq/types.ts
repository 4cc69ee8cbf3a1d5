/** How the docs say to treat a retry of a given error. */
export type RetryAdvice = 'no' | 'yes' | 'sometimes' | 'after_retry_after';

/** One documented Linq error code, with our own short explanation. */
export interface CatalogueEntry {
  readonly code: number;
  /** HTTP status the docs pair with this code. */
  readonly http: number;
  /** The catalogue's message, verbatim. */
  readonly message: string;
  readonly category: string;
  readonly retry: RetryAdvice;
  readonly docUrl: string;
  /** What to do about it, in our own words (one or two short sentences). */
  readonly hint: string;
}
