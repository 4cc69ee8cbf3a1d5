import type { RetryAdvice } from './types.ts';

/** The docs' error index, used when no per-code page is known. */
export const ERROR_INDEX_URL = 'https://docs.linqapp.com/error/';

/** One documented range of Linq error codes (1xxx–5xxx), with generic advice for codes the catalogue does not list. */
export interface CodeRange {
  readonly family: 1 | 2 | 3 | 4 | 5;
  /** Short name, e.g. "request", used as "Undocumented request error". */
  readonly label: string;
  /** The docs' category name for the range. */
  readonly category: string;
  /** The docs' range-level retry guidance. */
  readonly retry: RetryAdvice;
  /** Generic advice, in our own words, for an undocumented code in this range. */
  readonly hint: string;
}

const RANGES: readonly CodeRange[] = [
  {
    family: 1,
    label: 'request',
    category: 'Client/Request Errors',
    retry: 'no',
    hint: 'Linq rejected the request as sent. Check the chat ID, the API key and the URL, correct the request, and only then send it again.',
  },
  {
    family: 2,
    label: 'resource',
    category: 'Resource Errors',
    retry: 'no',
    hint: "The key or the thing it points at is not usable. Confirm the key is valid and the chat ID belongs to this key's account before retrying.",
  },
  {
    family: 3,
    label: 'server',
    category: 'Server Errors',
    retry: 'yes',
    hint: 'Likely a temporary fault at Linq. Retry with increasing delays; if it will not clear, give Linq support the trace ID.',
  },
  {
    family: 4,
    label: 'delivery',
    category: 'Delivery Errors',
    retry: 'sometimes',
    hint: 'Something went wrong getting this to the device. Retry once after a short pause; if it fails again, check the line and recipient.',
  },
  {
    family: 5,
    label: 'attachment',
    category: 'Attachment/File Errors',
    retry: 'sometimes',
    hint: 'A file could not be handled. If the file or URL is fine, retry later; otherwise fix its type, size or link first.',
  },
];

/** The documented range for an integer code from 1000 to 5999, else undefined. */
export function rangeOf(code: number): CodeRange | undefined {
  if (!Number.isInteger(code) || code < 1000 || code >= 6000) return undefined;
  return RANGES[Math.floor(code / 1000) - 1];
}
