/**
 * The mock's scenario table, keyed by chat ID (README, "The mock Linq server"). Every scenario ID is a UUID, because the
 * extension only sends UUIDs:
 *  - `00000000-0000-4000-8000-00000000CCCC`: documented code CCCC (all 48 in linq-error-codes.json).
 *  - `00000000-0000-4000-9000-0000000000NN`: the special cases below (malformed, dropped, slow…).
 *  - `00000000-0000-4000-a000-0000000000NN`: the fault-injection scenarios of hostile.ts, NN hex.
 *  - `00000000-0000-4000-b000-0000000000NN`: the chat check's GET chat and messages answers (chat-scenarios.ts).
 *  - any other UUID (or any other string): 204 with an empty body.
 */
import { DOCUMENTED_CODES, documentedCode, type DocumentedCode } from './codes.ts';
import { HOSTILE_DEFS, hostileId } from './hostile.ts';
import { CHAT_SCENARIO_DEFS, chatScenarioId, typingScenarioOf } from './chat-scenarios.ts';
import { sendBody, sendEnvelope } from './responses.ts';
import {
  HOSTILE_FAMILIES,
  type HostileFamily,
  type HostileScenarioInfo,
  type RespondContext,
  type Scenario,
  type ScenarioInfo,
} from './scenario-types.ts';

export { DOCUMENTED_CODES, type DocumentedCode } from './codes.ts';
export { hostileId } from './hostile.ts';
export {
  HOSTILE_FAMILIES,
  type HostileFamily,
  type HostileScenarioInfo,
  type RespondContext,
  type Scenario,
  type ScenarioInfo,
} from './scenario-types.ts';

export const DEFAULT_SLOW_MS = 3000;
export const RETRY_AFTER_SECONDS = 30;

const ERROR_PREFIX = '00000000-0000-4000-8000-00000000';
const SPECIAL_PREFIX = '00000000-0000-4000-9000-0000000000';

/** The chat ID that answers with documented code `code`. */
export function chatIdForCode(code: number): string {
  return `${ERROR_PREFIX}${String(code).padStart(4, '0')}`;
}

function specialId(n: number): string {
  return `${SPECIAL_PREFIX}${String(n).padStart(2, '0')}`;
}

export const OK: Scenario = {
  name: 'ok',
  respond: ({ res, traceId }) => {
    sendBody(res, 204, traceId);
    return '204';
  },
};

/** The 401/2004 answer, also used by the server when Authorization is missing. */
export function respondUnauthorised({ res, traceId }: RespondContext): string {
  const entry = DOCUMENTED_CODES.get(2004);
  sendEnvelope(res, traceId, {
    status: 401,
    code: 2004,
    message: entry?.message ?? 'Unauthorized',
    doc_url: entry?.doc_url ?? 'https://docs.linqapp.com/error/codes/2xxx/2004/',
  });
  return '401 2004';
}

function documentedScenario(entry: DocumentedCode): Scenario {
  const retry = entry.code === 1007;
  return {
    name: `error-${entry.code}`,
    respond: ({ res, traceId }) => {
      sendEnvelope(
        res,
        traceId,
        {
          status: entry.http,
          code: entry.code,
          message: entry.message,
          doc_url: entry.doc_url,
          ...(retry ? { retry_after: RETRY_AFTER_SECONDS } : {}),
        },
        retry ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {},
      );
      return `${entry.http} ${entry.code}`;
    },
  };
}

const BAD_GATEWAY_HTML = `<!DOCTYPE html>
<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>mock-linq (upstream proxy)</center>
</body>
</html>
`;

interface Special extends Scenario {
  readonly n: number;
  readonly description: string;
  /** Set when the special also belongs to a fault-injection family (README grouping, HOSTILE_SCENARIOS). */
  readonly family?: HostileFamily;
}

const SPECIALS: readonly Special[] = [
  {
    n: 1,
    name: 'html-502',
    family: 'bodies',
    description: '502 with an HTML error page (text/html), no JSON envelope; X-Trace-ID header only',
    respond: ({ res, traceId }) => {
      sendBody(res, 502, traceId, BAD_GATEWAY_HTML, 'text/html; charset=utf-8');
      return '502 html';
    },
  },
  {
    n: 2,
    name: 'drop',
    family: 'connection',
    description: 'connection dropped: the socket is destroyed without any response',
    respond: ({ res }) => {
      res.destroy();
      return 'drop (socket destroyed)';
    },
  },
  {
    n: 3,
    name: 'hang',
    family: 'connection',
    description: 'never answers; the connection stays open until the client gives up or the server closes',
    respond: () => 'hang (no answer)',
  },
  {
    n: 4,
    name: 'slow',
    family: 'connection',
    description: `204 after a delay (${DEFAULT_SLOW_MS} ms by default; \`--slow-ms\` / \`slowMs\` changes it)`,
    respond: ({ res, traceId, slowMs, later }) => {
      later(slowMs, () => sendBody(res, 204, traceId));
      return `slow (204 after ${slowMs} ms)`;
    },
  },
  {
    n: 5,
    name: 'empty-500',
    family: 'bodies',
    description: '500 with an empty body',
    respond: ({ res, traceId }) => {
      sendBody(res, 500, traceId);
      return '500 empty';
    },
  },
  {
    n: 6,
    name: 'truncated',
    family: 'bodies',
    description: '500, `application/json`, body cut off mid-JSON: `{"success":false,"error":{"status":500,"code":30`',
    respond: ({ res, traceId }) => {
      sendBody(res, 500, traceId, '{"success":false,"error":{"status":500,"code":30', 'application/json');
      return '500 truncated json';
    },
  },
  {
    n: 7,
    name: 'unknown-code',
    family: 'unknown-codes',
    description: '418 envelope with undocumented code 2999 "Teapot state"',
    respond: ({ res, traceId }) => {
      sendEnvelope(res, traceId, {
        status: 418,
        code: 2999,
        message: 'Teapot state',
        doc_url: 'https://docs.linqapp.com/error/codes/2xxx/2999/',
      });
      return '418 2999';
    },
  },
  {
    n: 8,
    name: 'no-trace-body',
    description: '404/2001 envelope without `trace_id` and `doc_url` in the body; the trace ID is only in X-Trace-ID',
    respond: ({ res, traceId }) => {
      const body = JSON.stringify({
        success: false,
        error: { status: 404, code: 2001, message: DOCUMENTED_CODES.get(2001)?.message ?? 'Chat not found' },
      });
      sendBody(res, 404, traceId, body, 'application/json');
      return '404 2001 (no trace_id in body)';
    },
  },
  {
    n: 9,
    name: 'unexpected-2xx',
    family: 'redirects',
    description: '200 with a JSON body `{"ok":true}` instead of the documented 204',
    respond: ({ res, traceId }) => {
      sendBody(res, 200, traceId, '{"ok":true}', 'application/json');
      return '200 unexpected';
    },
  },
  {
    n: 10,
    name: 'auth',
    description: '401/2004 "Unauthorized" even with a key',
    respond: respondUnauthorised,
  },
];

const BY_ID: ReadonlyMap<string, Scenario> = new Map<string, Scenario>([
  ...[...DOCUMENTED_CODES.values()].map((entry) => [chatIdForCode(entry.code), documentedScenario(entry)] as const),
  ...SPECIALS.map((special) => [specialId(special.n), special] as const),
  ...HOSTILE_DEFS.map((def) => [hostileId(def.n), def] as const),
  ...CHAT_SCENARIO_DEFS.map((def) => [chatScenarioId(def.n), typingScenarioOf(def)] as const),
]);

/** The scenario for a chat ID (already percent-decoded); case-insensitive; unknown IDs get `OK`. */
export function resolveScenario(chatId: string): Scenario {
  return BY_ID.get(chatId.toLowerCase()) ?? OK;
}

/** An ordinary UUID with no scenario of its own: the normal success. */
export const EXAMPLE_OK_CHAT_ID = '3d1f8c52-7a4e-4b9d-9c61-2f5e8a7b0d14';

/** Representative documented codes for the README: every family, 429, and the usual typing errors. */
const REPRESENTATIVE_CODES = [1002, 1005, 1007, 2001, 2004, 2005, 2009, 3005, 3006, 4004, 4005, 5005] as const;

function describeCode(code: number): ScenarioInfo {
  const entry = documentedCode(code);
  const retry =
    code === 1007 ? `, \`retry_after: ${RETRY_AFTER_SECONDS}\` and \`Retry-After: ${RETRY_AFTER_SECONDS}\`` : '';
  return {
    chatId: chatIdForCode(code),
    name: `error-${code}`,
    description: `${entry.http} envelope, code ${code} "${entry.message}"${retry}`,
    ...(code === 1007 ? { family: 'rate-limits' as const } : {}),
  };
}

/** The listing row of a scenario defined at `chatId`; `family` only when it has one. */
function listed(chatId: string, { name, description, family }: Omit<ScenarioInfo, 'chatId'>): ScenarioInfo {
  return family === undefined ? { chatId, name, description } : { chatId, name, description, family };
}

/**
 * The scenarios worth listing (README, CLI banner): the success, representative codes, every special
 * and every fault-injection scenario. Rows with a `family` are also in HOSTILE_SCENARIOS.
 */
export const SCENARIOS: readonly ScenarioInfo[] = [
  { chatId: EXAMPLE_OK_CHAT_ID, name: 'ok', description: '204 No Content, empty body (any UUID not listed here)' },
  ...REPRESENTATIVE_CODES.map(describeCode),
  ...SPECIALS.map((special) => listed(specialId(special.n), special)),
  ...CHAT_SCENARIO_DEFS.map((def) => listed(chatScenarioId(def.n), def)),
  ...HOSTILE_DEFS.map((def) => listed(hostileId(def.n), def)),
];

function isHostile(info: ScenarioInfo): info is HostileScenarioInfo {
  return info.family !== undefined;
}

/**
 * Every fault-injection scenario, grouped by family in HOSTILE_FAMILIES order: the new
 * `…-a000-…` block plus the older specials and codes that fit a family (html-502, drop, hang, slow,
 * empty-500, truncated, unknown-code, unexpected-2xx, error-1007).
 */
export const HOSTILE_SCENARIOS: readonly HostileScenarioInfo[] = HOSTILE_FAMILIES.flatMap((family) =>
  SCENARIOS.filter(isHostile).filter((info) => info.family === family),
);

/** The pattern row: how to reach any documented code. */
export const CODE_PATTERN: ScenarioInfo = {
  chatId: `${ERROR_PREFIX}CCCC`,
  name: 'error-CCCC',
  description: `any of the ${DOCUMENTED_CODES.size} documented codes CCCC: its HTTP status and full envelope (message, doc_url, trace_id)`,
};
