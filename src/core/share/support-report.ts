import type { HistoryEntry } from '../history.ts';
import { isoTimeText } from '../iso-time.ts';
import { sanitizeText } from '../linq/text.ts';
import { diagnosisOf } from '../check/diagnosis.ts';

/** How much of the body the report quotes: the start of an error body is what support reads. */
export const REPORT_BODY_MAX = 2048;

/**
 * The response body as one line of server text: at most REPORT_BODY_MAX characters of it (never half a
 * character), through the same sanitiser as every server string, so a line break or an escape sequence in the
 * body cannot forge a line of the report. The worker has already redacted the key from what it stored.
 */
function bodyLine(response: HistoryEntry['response']): string {
  if (!response) return 'none (no response)';
  const body = response.bodyPreview;
  if (body === '') return 'empty';
  let kept = body.slice(0, REPORT_BODY_MAX);
  if (/[\ud800-\udbff]$/.test(kept)) kept = kept.slice(0, -1);
  const cut = response.bodyTruncated || kept.length < body.length;
  return `${sanitizeText(kept, Number.POSITIVE_INFINITY)}${cut ? '…(cut)' : ''}`;
}

/**
 * A plain-text report for Linq support, with what the Debugging guide asks for: time (UTC), endpoint, HTTP
 * status, error code and message, trace ID, and the response body. Never the key: the request headers are not
 * included at all.
 */
export function supportReport(entry: HistoryEntry, extensionVersion: string): string {
  const outcome = entry.outcome;
  const path = new URL(entry.request.url).pathname;
  const lines = [
    'Linq API issue report',
    `Time (UTC): ${isoTimeText(entry.startedAt)}`,
    `Endpoint: ${entry.method} ${path} (host ${entry.baseUrlHost})`,
    `HTTP status: ${entry.response?.status ?? outcome?.status ?? `none (${outcome?.kind ?? entry.state})`}`,
    `Error code: ${outcome?.code ?? 'none'}${outcome?.meaning ? ` (${outcome.meaning})` : ''}`,
    `Message: ${outcome?.serverMessage ?? outcome?.summary ?? 'none'}`,
    `Trace ID: ${outcome?.traceId ?? 'none'}`,
    `Duration: ${entry.durationMs === undefined ? 'unknown' : `${Math.round(entry.durationMs)} ms`}`,
    `Response body: ${entry.diagnosis ? 'not kept (a chat check keeps only its diagnosis)' : bodyLine(entry.response)}`,
    ...diagnosisLines(entry),
    `Reported with: Linq Typing Inspector ${extensionVersion}`,
  ];
  return lines.join('\n');
}

/** A chat check's verdict and findings, worded from its stored facts (no handle, no message text). */
function diagnosisLines(entry: HistoryEntry): string[] {
  const diagnosis = diagnosisOf(entry);
  if (!diagnosis) return [];
  return [
    `Check chat: ${diagnosis.verdict}`,
    ...diagnosis.findings.map((finding) => `  [${finding.level}] ${finding.text}`),
  ];
}
