/**
 * Key-echo scenarios (`…-a000-…0008N`): a careless server or proxy quoting back the key it was sent, in every
 * place a response has. Each reads the request's Authorization header to do so; the outcome each returns for
 * the mock's log names what was echoed, never the key.
 */
import { documentedCode } from './codes.ts';
import { sendBody, sendEnvelope } from './responses.ts';
import type { HostileFamily, RespondContext, Scenario } from './scenario-types.ts';

/** The extension keeps this much of a body; the straddle scenario puts the key across that cut. */
export const PREVIEW_CUT = 16 * 1024;

const UNAUTHORISED = documentedCode(2004);
const INTERNAL = documentedCode(3006);

/** The key the request carried: whatever follows `Bearer `. */
export function echoedKey(authorization: string | undefined): string {
  return /^Bearer[ \t]+(.*)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
}

/** Characters an HTTP header name may hold (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const htmlEscape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

interface KeyEchoDef extends Scenario {
  readonly n: number;
  readonly family: HostileFamily;
  readonly description: string;
}

function echo(
  n: number,
  name: string,
  description: string,
  respond: (ctx: RespondContext, key: string) => string,
): KeyEchoDef {
  return { n, name, family: 'key echo', description, respond: (ctx) => respond(ctx, echoedKey(ctx.authorization)) };
}

/** The body of the straddle scenario: the key starts half its length before the cut, then more text. */
export function straddleBody(key: string): string {
  const before = PREVIEW_CUT - Math.floor(key.length / 2);
  return `${'a'.repeat(before)}${key}${' and more'.repeat(100)}`;
}

export const KEY_ECHO_DEFS: readonly KeyEchoDef[] = [
  echo(
    0x81,
    'echo-message',
    '401/2004 envelope whose message quotes the key: `Invalid API key: <key>`',
    ({ res, traceId }, key) => {
      sendEnvelope(res, traceId, {
        status: 401,
        code: 2004,
        message: `Invalid API key: ${key}`,
        doc_url: UNAUTHORISED.doc_url,
      });
      return '401 2004 (message quotes the key)';
    },
  ),
  echo(
    0x82,
    'echo-authorization-header',
    '401/2004 envelope with `X-Echo-Authorization: Bearer <key>`, and a header whose name holds the key when it can',
    ({ res, traceId }, key) => {
      const named = TOKEN.test(key) ? { [`X-Debug-Key-${key}`]: 'seen' } : {};
      const error = { status: 401, code: 2004, message: UNAUTHORISED.message, doc_url: UNAUTHORISED.doc_url };
      sendEnvelope(res, traceId, error, { 'X-Echo-Authorization': `Bearer ${key}`, ...named });
      return `401 2004 (Authorization echoed in a header${TOKEN.test(key) ? ' value and a header name' : ''})`;
    },
  ),
  echo(
    0x83,
    'echo-location',
    '302 to `https://evil.example/login?key=<key, URL-encoded>`, empty body',
    ({ res, traceId }, key) => {
      sendBody(res, 302, traceId, '', undefined, {
        Location: `https://evil.example/login?key=${encodeURIComponent(key)}`,
      });
      return '302 -> evil.example (key URL-encoded in Location)';
    },
  ),
  echo(0x84, 'echo-trace-id', '500/3006 envelope whose `trace_id` and `X-Trace-ID` are the key', ({ res }, key) => {
    sendEnvelope(res, key, { status: 500, code: 3006, message: INTERNAL.message, doc_url: INTERNAL.doc_url });
    return '500 3006 (trace ID is the key)';
  }),
  echo(
    0x85,
    'echo-html',
    '401 `text/html` error page quoting the key HTML-escaped, raw and URL-encoded',
    ({ res, traceId }, key) => {
      const page =
        `<html><body><h1>401 Unauthorized</h1><p>Key <code>${htmlEscape(key)}</code> was rejected.</p>` +
        `<!-- raw: ${key} --><a href="/retry?key=${encodeURIComponent(key)}">Retry</a></body></html>`;
      sendBody(res, 401, traceId, page, 'text/html; charset=utf-8');
      return '401 html (key quoted three ways)';
    },
  ),
  echo(
    0x86,
    'echo-straddle',
    `401 \`text/plain\` body in which the key straddles the ${PREVIEW_CUT / 1024} KiB preview cut`,
    ({ res, traceId }, key) => {
      sendBody(res, 401, traceId, straddleBody(key), 'text/plain; charset=utf-8');
      return `401 text (key across byte ${PREVIEW_CUT})`;
    },
  ),
  echo(
    0x87,
    'echo-status-text',
    '401 whose status text is `Unauthorized <key>`, body `Bearer <key>`',
    ({ res, traceId }, key) => {
      res.statusMessage = `Unauthorized ${key}`;
      sendBody(res, 401, traceId, `Bearer ${key}`, 'text/plain; charset=utf-8');
      return '401 (status text and body quote the key)';
    },
  ),
];
