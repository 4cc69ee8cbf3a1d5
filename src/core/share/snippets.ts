import type { HistoryEntry } from '../history.ts';
import { shellQuote } from './shell-quote.ts';

/** What stands in for the key unless the operator explicitly asks for the real one. */
export const KEY_PLACEHOLDER = '$LINQ_API_KEY';

/** The Base URL the entry was sent to: its request URL without the /v3/chats/… path. */
export function baseUrlOf(entry: HistoryEntry): string {
  return entry.request.url.replace(/\/v3\/chats\/[^/]+\/typing$/, '');
}

/**
 * The same request as a curl command. By default the key is the shell variable $LINQ_API_KEY, in double
 * quotes so the shell expands it; `realKey` is used only when the operator chose "Copy cURL with real key".
 */
export function curlCommand(entry: HistoryEntry, realKey?: string): string {
  const auth = realKey === undefined ? `"Authorization: Bearer ${KEY_PLACEHOLDER}"` : shellQuote(`Authorization: Bearer ${realKey}`);
  return [`curl -i -X ${entry.method} ${shellQuote(entry.request.url)}`, `  -H ${auth}`, `  -H 'Accept: */*'`].join(' \\\n');
}

/** The same call through the official TypeScript SDK. The key comes from the environment. */
export function sdkSnippet(entry: HistoryEntry): string {
  const base = baseUrlOf(entry);
  const options = [`apiKey: process.env.LINQ_API_KEY`];
  if (base !== 'https://api.linqapp.com/api/partner') options.push(`baseURL: ${JSON.stringify(base)}`);
  return [
    `import LinqAPIV3 from '@linqapp/sdk';`,
    ``,
    `const client = new LinqAPIV3({ ${options.join(', ')} });`,
    `await client.chats.typing.${entry.operation === 'typing.start' ? 'start' : 'stop'}(${JSON.stringify(entry.chatId)});`,
  ].join('\n');
}

/** The Linq CLI form. It reads its token from its profile or LINQ_TOKEN, so no key appears here. */
export function cliCommand(entry: HistoryEntry): string {
  const base = baseUrlOf(entry);
  const prefix = base === 'https://api.linqapp.com/api/partner' ? '' : `LINQ_API_URL=${shellQuote(base)} `;
  return `${prefix}linq chats typing ${shellQuote(entry.chatId)}${entry.operation === 'typing.stop' ? ' --stop' : ''}`;
}
