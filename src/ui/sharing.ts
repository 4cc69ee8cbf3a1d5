import type { HistoryEntry } from '../core/history.ts';
import { checkApiKey } from '../core/linq/settings-rules.ts';
import type { Profile } from '../core/profiles.ts';
import { realKeyFor } from '../core/share/real-key.ts';
import { cliCommand, curlCommand, sdkSnippet } from '../core/share/snippets.ts';
import { supportReport } from '../core/share/support-report.ts';
import type { InspectorClient } from './client.ts';
import type { CopyKind } from './components/EntryActions.tsx';

const CONFIRMATION: Record<Exclude<CopyKind, 'curl-with-key'>, string> = {
  curl: 'Copied the cURL command (key as $LINQ_API_KEY).',
  sdk: 'Copied the SDK code.',
  cli: 'Copied the CLI command.',
  report: 'Copied the support report.',
};

/**
 * The cURL command with the key of the environment the entry was sent from (never the active one's, which
 * may belong to another host), and the confirmation that names where that key will go.
 */
async function curlWithKey(client: InspectorClient, entry: HistoryEntry, profiles: readonly Profile[]) {
  const decision = realKeyFor(entry, profiles);
  if (!decision.ok) throw new Error(decision.reason);
  const key = checkApiKey(await client.loadKey(decision.profileId));
  if (!key.ok)
    throw new Error(`No API key is set for the ${decision.profileName} environment, so there is no key to include.`);
  return {
    text: curlCommand(entry, key.value),
    confirmation: `Copied the cURL command WITH your ${decision.profileName} key for ${decision.host}. Handle it as a secret.`,
  };
}

/**
 * Builds the text for one copy action and puts it on the clipboard; resolves to the confirmation. `profiles`
 * are the environments as they are now (the real key is only ever one of theirs).
 */
export async function copyEntry(
  client: InspectorClient,
  entry: HistoryEntry,
  kind: CopyKind,
  profiles: readonly Profile[],
): Promise<string> {
  if (kind === 'curl-with-key') {
    const { text, confirmation } = await curlWithKey(client, entry, profiles);
    await client.copyText(text);
    return confirmation;
  }
  let text: string;
  switch (kind) {
    case 'curl':
      text = curlCommand(entry);
      break;
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
