import type { HistoryEntry } from '../history.ts';
import { jsString, shellQuote } from './shell-quote.ts';

/**
 * What stands in for the key unless the operator explicitly asks for the real one. `:?` makes bash stop with
 * "set LINQ_API_KEY" when the variable is unset or empty, instead of sending an empty bearer.
 */
export const KEY_PLACEHOLDER = '${LINQ_API_KEY:?set LINQ_API_KEY}';

const PRODUCTION_BASE_URL = 'https://api.linqapp.com/api/partner';

/** The Base URL the entry was sent to: its request URL without the /v3/chats/… path. */
export function baseUrlOf(entry: HistoryEntry): string {
  return entry.request.url.replace(/\/v3\/chats\/[^/]+(?:\/typing)?$/, '');
}

/** A stored method as curl's -X: only ever one of these three words, whatever an imported entry says. */
const METHODS: Partial<Record<string, string>> = { POST: 'POST', DELETE: 'DELETE', GET: 'GET' };

function sdkCall(entry: HistoryEntry): string {
  const chat = jsString(entry.chatId);
  if (entry.operation === 'chat.check')
    return `console.log(await client.chats.retrieve(${chat}));\nconsole.log(await client.chats.messages.list(${chat}, { limit: 20 }));`;
  return `await client.chats.typing.${entry.operation === 'typing.start' ? 'start' : 'stop'}(${chat});`;
}

/** The entry's timeout in ms, when it is a usable one (an imported entry may say anything). */
function timeoutMsOf(entry: HistoryEntry): number | undefined {
  const ms = entry.request.timeoutMs;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** curl's --max-time, in seconds (fractions allowed); never 0, which curl reads as "no limit". */
function maxTimeSeconds(ms: number): string {
  return String(Math.max(0.001, Number((ms / 1000).toFixed(3))));
}

/**
 * The same request as a curl command, limited to the entry's timeout. By default the key is the shell
 * variable LINQ_API_KEY, in double quotes so the shell expands it; `realKey` is used only when the operator chose
 * "Copy cURL with real key". Every value is shell-quoted, so nothing outside printable ASCII reaches the text.
 */
export function curlCommand(entry: HistoryEntry, realKey?: string): string {
  const auth =
    realKey === undefined
      ? `"Authorization: Bearer ${KEY_PLACEHOLDER}"`
      : shellQuote(`Authorization: Bearer ${realKey}`);
  const timeoutMs = timeoutMsOf(entry);
  const maxTime = timeoutMs === undefined ? '' : ` --max-time ${maxTimeSeconds(timeoutMs)}`;
  return [
    `curl -i${maxTime} -X ${METHODS[entry.method] ?? 'DELETE'} ${shellQuote(entry.request.url)}`,
    `  -H ${auth}`,
    `  -H 'Accept: ${entry.method === 'GET' ? 'application/json' : '*/*'}'`,
  ].join(' \\\n');
}

/**
 * The same call through the official TypeScript SDK, one attempt with the entry's timeout as the history shows
 * one: by default the SDK retries a 429, a 5xx or a timeout twice (61 s and 182 s were seen). The key comes
 * from the environment.
 */
export function sdkSnippet(entry: HistoryEntry): string {
  const base = baseUrlOf(entry);
  const timeoutMs = timeoutMsOf(entry);
  const options = [`apiKey: process.env.LINQ_API_KEY`, `maxRetries: 0`];
  if (timeoutMs !== undefined) options.push(`timeout: ${String(timeoutMs)}`);
  if (base !== PRODUCTION_BASE_URL) options.push(`baseURL: ${jsString(base)}`);
  return [
    `import LinqAPIV3 from '@linqapp/sdk';`,
    ``,
    `// One attempt with this entry's timeout, as the history shows one (the SDK retries 429, 5xx and timeouts).`,
    `const client = new LinqAPIV3({ ${options.join(', ')} });`,
    sdkCall(entry),
  ].join('\n');
}

/**
 * The Linq CLI form, with the CLI's own variables: LINQ_TOKEN (taken from LINQ_API_KEY, as in the cURL command,
 * so the key is the one for this environment rather than the CLI profile's) and, outside production, LINQ_API_URL.
 */
export function cliCommand(entry: HistoryEntry): string {
  const base = baseUrlOf(entry);
  const url = base === PRODUCTION_BASE_URL ? '' : ` LINQ_API_URL=${shellQuote(base)}`;
  if (entry.operation === 'chat.check') return '# The Linq CLI has no command that reads a chat: use the cURL command.';
  const stop = entry.operation === 'typing.stop' ? ' --stop' : '';
  return `LINQ_TOKEN="${KEY_PLACEHOLDER}"${url} linq chats typing ${shellQuote(entry.chatId)}${stop}`;
}
