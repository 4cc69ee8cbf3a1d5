import type { HistoryEntry } from '../core/history.ts';
import { checkApiKey } from '../core/linq/settings-rules.ts';
import { cliCommand, curlCommand, sdkSnippet } from '../core/share/snippets.ts';
import { supportReport } from '../core/share/support-report.ts';
import type { InspectorClient } from './client.ts';
import type { CopyKind } from './components/EntryActions.tsx';

const CONFIRMATION: Record<CopyKind, string> = {
  curl: 'Copied the cURL command (key as $LINQ_API_KEY).',
  'curl-with-key': 'Copied the cURL command WITH your API key. Handle it as a secret.',
  sdk: 'Copied the SDK code.',
  cli: 'Copied the CLI command.',
  report: 'Copied the support report.',
};

/** Builds the text for one copy action and puts it on the clipboard; resolves to the confirmation. */
export async function copyEntry(client: InspectorClient, entry: HistoryEntry, kind: CopyKind, apiKey: string): Promise<string> {
  let text: string;
  switch (kind) {
    case 'curl':
      text = curlCommand(entry);
      break;
    case 'curl-with-key': {
      const key = checkApiKey(apiKey);
      if (!key.ok) throw new Error('No valid API key is set, so there is no key to include.');
      text = curlCommand(entry, key.value);
      break;
    }
    case 'sdk':
      text = sdkSnippet(entry);
      break;
    case 'cli':
      text = cliCommand(entry);
      break;
    case 'report':
      text = supportReport(entry, client.extensionVersion);
      break;
  }
  await client.copyText(text);
  return CONFIRMATION[kind];
}
