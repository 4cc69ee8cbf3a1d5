/**
 * Fault-injection scenarios: `00000000-0000-4000-a000-0000000000NN`, NN hex, whose high digit is the
 * family (0x bodies, 1x wrong-types, 2x unknown-codes, 3x doc-links, 4x hostile-text, 5x redirects,
 * 6x connection, 7x rate-limits, 8x key echo, 9x retry-after). All sit behind the usual Bearer check. Every
 * answer carries a fresh 32-hex X-Trace-ID except `reset`, which answers nothing.
 */
import { documentedCode } from './codes.ts';
import { KEY_ECHO_DEFS } from './key-echo.ts';
import { RETRY_AFTER_DEFS } from './retry-after.ts';
import type { HostileFamily, Scenario } from './scenario-types.ts';
import {
  envelopeBody,
  resetConnection,
  sendBody,
  sendEnvelope,
  sendJson,
  sendPartial,
  streamBody,
} from './responses.ts';

const HOSTILE_PREFIX = '00000000-0000-4000-a000-0000000000';

/** The chat ID of hostile scenario number `n` (1..255, written as two hex digits). */
export function hostileId(n: number): string {
  return `${HOSTILE_PREFIX}${n.toString(16).padStart(2, '0')}`;
}

export interface HostileDef extends Scenario {
  readonly n: number;
  readonly family: HostileFamily;
  readonly description: string;
}

/** At least 2.5 MiB of message: 40 chunks of 64 KiB. */
export const OVERSIZED_CHUNK_BYTES = 64 * 1024;
export const OVERSIZED_CHUNKS = 40;
const OVERSIZED_MIB = (OVERSIZED_CHUNK_BYTES * OVERSIZED_CHUNKS) / 1024 / 1024;
export const RATE_LIMIT_HEADER_SECONDS = 17;
export const RATE_LIMIT_DATE_SECONDS = 45;

const CHAT_NOT_FOUND = documentedCode(2001);
const INTERNAL = documentedCode(3006);
const RATE_LIMITED = documentedCode(1007);

const HEADERS_THEN_HANG_PARTIAL = '{"success":false,"error":{"status":500,"co';

function oversizedChunk(): string {
  const phrase = 'Internal server error. ';
  return phrase.repeat(Math.ceil(OVERSIZED_CHUNK_BYTES / phrase.length)).slice(0, OVERSIZED_CHUNK_BYTES);
}

/** A 404/2001 envelope whose doc_url is `docUrl`. */
function docLink(n: number, name: string, docUrl: string, what: string): HostileDef {
  return {
    n,
    name,
    family: 'doc-links',
    description: `404/2001 envelope whose doc_url is ${what}: \`${docUrl}\``,
    respond: ({ res, traceId }) => {
      sendEnvelope(res, traceId, { status: 404, code: 2001, message: CHAT_NOT_FOUND.message, doc_url: docUrl });
      return `404 2001 (doc_url ${name})`;
    },
  };
}

/** An envelope with an undocumented code; `doc_url` follows the range pattern when there is a range. */
function unknownCode(n: number, code: number, status: number, message: string, range?: string): HostileDef {
  return {
    n,
    name: `unknown-${code}`,
    family: 'unknown-codes',
    description: `${status} envelope, undocumented code ${code} "${message}"${range ? '' : ', no doc_url'}`,
    respond: ({ res, traceId }) => {
      sendEnvelope(res, traceId, {
        status,
        code,
        message,
        ...(range === undefined ? {} : { doc_url: `https://docs.linqapp.com/error/codes/${range}/${code}/` }),
      });
      return `${status} ${code}`;
    },
  };
}

/** A 429/1007 envelope without `retry_after`, plus `headers()` computed at answer time. */
function rateLimit(n: number, name: string, description: string, headers: () => Record<string, string>): HostileDef {
  return {
    n,
    name,
    family: 'rate-limits',
    description,
    respond: ({ res, traceId }) => {
      const extra = headers();
      sendEnvelope(
        res,
        traceId,
        { status: 429, code: 1007, message: RATE_LIMITED.message, doc_url: RATE_LIMITED.doc_url },
        extra,
      );
      const retryAfter = extra['Retry-After'];
      return `429 1007 (${retryAfter === undefined ? 'no Retry-After' : `Retry-After: ${retryAfter}`})`;
    },
  };
}

/** A 500/3006 envelope with a hostile message and trace_id; the X-Trace-ID header stays plain hex. */
function hostileText(n: number, name: string, description: string, message: string, traceInBody: string): HostileDef {
  return {
    n,
    name,
    family: 'hostile-text',
    description,
    respond: ({ res, traceId }) => {
      const body = JSON.stringify({
        success: false,
        error: { status: 500, code: 3006, message, doc_url: INTERNAL.doc_url },
        trace_id: traceInBody,
      });
      sendBody(res, 500, traceId, body, 'application/json');
      return `500 3006 (${name})`;
    },
  };
}

export const HOSTILE_DEFS: readonly HostileDef[] = [
  // bodies
  {
    n: 0x01,
    name: 'oversized-500',
    family: 'bodies',
    description: `500, \`application/json\`, chunked: a valid 3006 envelope whose message is ${OVERSIZED_MIB} MiB`,
    respond: ({ res, traceId }) => {
      streamBody(res, 500, traceId, 'application/json', {
        head: '{"success":false,"error":{"status":500,"code":3006,"message":"',
        chunk: oversizedChunk(),
        count: OVERSIZED_CHUNKS,
        tail: `","doc_url":${JSON.stringify(INTERNAL.doc_url)}},"trace_id":${JSON.stringify(traceId)}}`,
      });
      return `500 oversized (${OVERSIZED_CHUNKS} x ${OVERSIZED_CHUNK_BYTES} bytes of message)`;
    },
  },
  {
    n: 0x02,
    name: 'empty-502',
    family: 'bodies',
    description: '502 with an empty body labelled `text/html`',
    respond: ({ res, traceId }) => {
      sendBody(res, 502, traceId, '', 'text/html');
      return '502 empty html';
    },
  },
  {
    n: 0x03,
    name: 'wrong-content-type',
    family: 'bodies',
    description: 'a valid 404/2001 envelope labelled `Content-Type: text/plain`',
    respond: ({ res, traceId }) => {
      const error = { status: 404, code: 2001, message: CHAT_NOT_FOUND.message, doc_url: CHAT_NOT_FOUND.doc_url };
      sendBody(res, 404, traceId, envelopeBody(error, traceId), 'text/plain');
      return '404 2001 (text/plain)';
    },
  },
  // wrong-types
  {
    n: 0x11,
    name: 'code-as-string',
    family: 'wrong-types',
    description: '404 envelope with `"code": "2001"` (a string)',
    respond: ({ res, traceId }) => {
      const error = { status: 404, code: '2001', message: CHAT_NOT_FOUND.message, doc_url: CHAT_NOT_FOUND.doc_url };
      sendJson(res, 404, traceId, { success: false, error, trace_id: traceId });
      return '404 "2001"';
    },
  },
  {
    n: 0x12,
    name: 'message-as-number',
    family: 'wrong-types',
    description: '500 envelope, code 3006, with `"message": 12` (a number)',
    respond: ({ res, traceId }) => {
      const error = { status: 500, code: 3006, message: 12, doc_url: INTERNAL.doc_url };
      sendJson(res, 500, traceId, { success: false, error, trace_id: traceId });
      return '500 3006 (message 12)';
    },
  },
  {
    n: 0x13,
    name: 'error-as-array',
    family: 'wrong-types',
    description: '500 with `{"success":false,"error":[1,2],"trace_id":"…"}`',
    respond: ({ res, traceId }) => {
      sendJson(res, 500, traceId, { success: false, error: [1, 2], trace_id: traceId });
      return '500 error [1,2]';
    },
  },
  {
    n: 0x14,
    name: 'null-body',
    family: 'wrong-types',
    description: '500, `application/json`, body `null`',
    respond: ({ res, traceId }) => {
      sendJson(res, 500, traceId, null);
      return '500 null';
    },
  },
  // unknown-codes
  unknownCode(0x21, 1999, 400, 'Undocumented request error', '1xxx'),
  unknownCode(0x22, 3999, 500, 'Undocumented server error', '3xxx'),
  unknownCode(0x23, 4999, 500, 'Undocumented delivery error', '4xxx'),
  unknownCode(0x24, 5999, 400, 'Undocumented attachment error', '5xxx'),
  unknownCode(0x25, 7001, 500, 'Code outside every documented range'),
  unknownCode(0x26, 0, 500, 'Code zero'),
  // doc-links
  docLink(0x31, 'doc-javascript', 'javascript:alert(document.domain)', 'a javascript: URL'),
  docLink(0x32, 'doc-data', 'data:text/html,<script>alert(1)</script>', 'a data: URL'),
  docLink(0x33, 'doc-http', 'http://docs.linqapp.com/error/codes/2xxx/2001/', 'plain http'),
  docLink(0x34, 'doc-foreign', 'https://evil.example/error/codes/2xxx/2001/', 'a foreign host'),
  docLink(0x35, 'doc-lookalike', 'https://docs.linqapp.com.evil.example/error/codes/2xxx/2001/', 'a look-alike host'),
  // hostile-text
  hostileText(
    0x41,
    'markup-message',
    '500/3006 envelope whose message is HTML (`<img onerror>`, `<script>`, `<b>`) and trace_id `<i>trace</i>`',
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>',
    '<i>trace</i>',
  ),
  hostileText(
    0x42,
    'control-chars',
    '500/3006 envelope whose message holds `\\u0000`, `\\u0007`, `\\r\\n` and `\\u001b[31m`; trace_id holds `\\u0000`',
    'Internal\u0000 server\u0007 error\r\nX-Injected: yes \u001b[31mred\u001b[0m',
    'abc\u0000def',
  ),
  hostileText(
    0x43,
    'bidi',
    '500/3006 envelope with right-to-left overrides: message `Chat \\u202Egnp.exe\\u202C not found`, ' +
      'trace_id `abc\\u202Edef`',
    'Chat \u202Egnp.exe\u202C not found',
    'abc\u202Edef',
  ),
  hostileText(
    0x44,
    'invisible-marks',
    '500/3006 envelope whose message holds Arabic letter marks and Hangul fillers: ' +
      '`12\\u061C-34\\u061C-56 \\u3164\\u115F`; trace_id `abc\\u2066def`',
    'Order 12\u061c-34\u061c-56 \u3164\u115f failed',
    'abc\u2066def',
  ),
  // redirects and odd 2xx
  {
    n: 0x51,
    name: 'redirect-foreign',
    family: 'redirects',
    description: '307 to `https://evil.example/steal`, empty body',
    respond: ({ res, traceId }) => {
      sendBody(res, 307, traceId, '', undefined, { Location: 'https://evil.example/steal' });
      return '307 -> https://evil.example/steal';
    },
  },
  {
    n: 0x52,
    name: 'redirect-same',
    family: 'redirects',
    description: '302 to `/elsewhere` on the same origin, empty body',
    respond: ({ res, traceId }) => {
      sendBody(res, 302, traceId, '', undefined, { Location: '/elsewhere' });
      return '302 -> /elsewhere';
    },
  },
  {
    n: 0x53,
    name: 'unexpected-200-html',
    family: 'redirects',
    description: '200, `text/html`, body `<h1>hello</h1>`',
    respond: ({ res, traceId }) => {
      sendBody(res, 200, traceId, '<h1>hello</h1>', 'text/html');
      return '200 html';
    },
  },
  // connection
  {
    n: 0x61,
    name: 'reset',
    family: 'connection',
    description: 'connection reset: the socket is closed with a TCP RST, no response',
    respond: ({ res }) => `reset (${resetConnection(res)})`,
  },
  {
    n: 0x62,
    name: 'headers-then-hang',
    family: 'connection',
    description: '200 headers and part of a JSON body, then nothing until the client gives up or the server closes',
    respond: ({ res, traceId }) => {
      sendPartial(res, 200, traceId, HEADERS_THEN_HANG_PARTIAL, 'application/json', 1024);
      return '200 partial, then hang';
    },
  },
  // rate-limits
  rateLimit(
    0x71,
    'rate-limit-no-retry-after',
    '429/1007 envelope without retry_after and without Retry-After',
    () => ({}),
  ),
  rateLimit(
    0x72,
    'rate-limit-header-seconds',
    `429/1007 envelope without retry_after; \`Retry-After: ${RATE_LIMIT_HEADER_SECONDS}\``,
    () => ({ 'Retry-After': String(RATE_LIMIT_HEADER_SECONDS) }),
  ),
  rateLimit(
    0x73,
    'rate-limit-header-date',
    `429/1007 envelope without retry_after; \`Retry-After\` is an HTTP date ${RATE_LIMIT_DATE_SECONDS} s ahead`,
    () => ({ 'Retry-After': new Date(Date.now() + RATE_LIMIT_DATE_SECONDS * 1000).toUTCString() }),
  ),
  // key echo (key-echo.ts)
  ...KEY_ECHO_DEFS,
  // retry-after (retry-after.ts)
  ...RETRY_AFTER_DEFS,
];
