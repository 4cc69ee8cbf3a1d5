/**
 * Retry-After scenarios (`…-a000-…0009N`): 429/1007 answers whose wait is malformed or huge. The extension
 * believes only delta-seconds or an HTTP-date, and never waits more than an hour (issue 12, F14).
 */
import { documentedCode } from './codes.ts';
import { sendEnvelope } from './responses.ts';
import type { HostileFamily, Scenario } from './scenario-types.ts';

const RATE_LIMITED = documentedCode(1007);

/** The extension's wait ceiling, which the huge scenarios exceed. */
export const HUGE_RETRY_AFTER_SECONDS = 86_400;
/** The header beside the negative body value, which the extension falls back to. */
export const FALLBACK_HEADER_SECONDS = 12;

interface RetryAfterDef extends Scenario {
  readonly n: number;
  readonly family: HostileFamily;
  readonly description: string;
}

function rateLimited(
  n: number,
  name: string,
  description: string,
  wait: { body?: number; header?: string },
): RetryAfterDef {
  return {
    n,
    name,
    family: 'retry-after',
    description,
    respond: ({ res, traceId }) => {
      const error = { status: 429, code: 1007, message: RATE_LIMITED.message, doc_url: RATE_LIMITED.doc_url };
      const headers: Record<string, string> = wait.header === undefined ? {} : { 'Retry-After': wait.header };
      sendEnvelope(res, traceId, wait.body === undefined ? error : { ...error, retry_after: wait.body }, headers);
      const said = [
        wait.body === undefined ? '' : `retry_after ${wait.body}`,
        wait.header === undefined ? '' : `Retry-After: ${wait.header}`,
      ];
      return `429 1007 (${said.filter(Boolean).join(', ')})`;
    },
  };
}

export const RETRY_AFTER_DEFS: readonly RetryAfterDef[] = [
  rateLimited(0x91, 'retry-after-fraction', '429/1007 without retry_after; `Retry-After: 1.5` (not delta-seconds)', {
    header: '1.5',
  }),
  rateLimited(0x92, 'retry-after-list', '429/1007 without retry_after; `Retry-After: 10, 20` (two values)', {
    header: '10, 20',
  }),
  rateLimited(
    0x93,
    'retry-after-huge-header',
    `429/1007 without retry_after; \`Retry-After: ${HUGE_RETRY_AFTER_SECONDS}\``,
    {
      header: String(HUGE_RETRY_AFTER_SECONDS),
    },
  ),
  rateLimited(
    0x94,
    'retry-after-huge-body',
    `429/1007 with \`retry_after: ${HUGE_RETRY_AFTER_SECONDS}\` and no header`,
    {
      body: HUGE_RETRY_AFTER_SECONDS,
    },
  ),
  rateLimited(
    0x95,
    'retry-after-negative-body',
    `429/1007 with \`retry_after: -5\` and \`Retry-After: ${FALLBACK_HEADER_SECONDS}\``,
    { body: -5, header: String(FALLBACK_HEADER_SECONDS) },
  ),
];
