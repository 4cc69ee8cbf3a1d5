import type { InspectorClient } from './client.ts';
import type { ExportFormat } from './components/HistoryTransfer.tsx';

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/** Reads the full entries for these ids and saves them as a JSON export or a HAR file. */
export async function exportEntries(client: InspectorClient, ids: readonly string[], format: ExportFormat): Promise<string> {
  if (ids.length === 0) throw new Error('There is nothing to export.');
  const entries = await client.loadEntries(ids);
  const now = Date.now();
  if (format === 'json') {
    const { exportHistoryJson } = await import('../core/share/export-json.ts');
    client.saveFile(`linq-history-${stamp(now)}.json`, 'application/json', exportHistoryJson(entries, client.extensionVersion, now));
  } else {
    const { historyToHar } = await import('../core/share/har.ts');
    client.saveFile(`linq-history-${stamp(now)}.har`, 'application/json', historyToHar(entries, client.extensionVersion));
  }
  return `Exported ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} as ${format === 'json' ? 'JSON' : 'HAR'}.`;
}

/** Validates a whole export file first: an invalid file is refused with its reason and nothing is merged. */
export async function importFile(client: InspectorClient, text: string): Promise<string> {
  const { parseHistoryImport } = await import('../core/share/export-json.ts');
  const parsed = parseHistoryImport(text);
  if (!parsed.ok) throw new Error(`Import refused: ${parsed.reason} Nothing was imported.`);
  const reply = await client.importHistory(parsed.entries);
  if (!reply.ok) throw new Error(reply.message ?? 'Import failed.');
  return `Imported ${reply.imported} ${reply.imported === 1 ? 'entry' : 'entries'}.`;
}
