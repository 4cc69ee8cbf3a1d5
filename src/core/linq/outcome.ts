import type { RetryAdvice } from './types.ts';

/** What the transport observed, before any interpretation. Bodies are already bounded by the transport. */
export type RawOutcome =
  | {
      kind: 'response';
      status: number;
      statusText: string;
      headers: Array<[string, string]>;
      body: string;
      bodyTruncated: boolean;
      receivedAt: number;
    }
  | {
      kind: 'redirect';
      location: string | undefined;
      /** Chrome hid the redirect (`redirect: 'manual'`), so its status and Location are unknown. */
      opaque?: boolean;
      /**
       * The request was plain http to a host name (HSTS never applies to IP addresses): an opaque redirect may
       * then be Chrome's own upgrade to https.
       */
      upgradable?: boolean;
    }
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; timeoutMs: number };

export type OutcomeKind = 'success' | 'linq_error' | 'http_failure' | 'network' | 'timeout' | 'interrupted';

/** The decoded meaning of an outcome: everything the UI shows, already safe to render as text. */
export interface DecodedOutcome {
  kind: OutcomeKind;
  /** One line for lists, e.g. "404 · 2001 Chat not found". */
  summary: string;
  status?: number;
  code?: number;
  /** false for a Linq code that is not in the catalogue. */
  documented?: boolean;
  /** The catalogue's meaning of the code, or of its range. */
  meaning?: string;
  category?: string;
  retry: RetryAdvice;
  retryText: string;
  /** What to do next, in plain words. */
  hint: string;
  /** Always https://docs.linqapp.com/… when present. */
  docUrl?: string;
  /** The server's own message, as sanitized free text. */
  serverMessage?: string;
  traceId?: string;
  retryAfterSeconds?: number;
  /** Something unusual that does not change the verdict, e.g. a body on a 2xx. */
  note?: string;
}

export const RETRY_TEXT: Record<RetryAdvice, string> = {
  no: 'Do not retry: fix the request first.',
  yes: 'Retry: this is usually transient; back off between tries.',
  sometimes: 'Retry may help, depending on the cause.',
  after_retry_after: 'Retry after the wait the server asks for.',
};
