import { useState } from 'preact/hooks';
import type { TrafficEntry } from '../../core/traffic/traffic-entry.ts';
import { plural } from '../count-text.ts';
import { StatusLine, type StatusText } from './StatusLine.tsx';

export type TrafficExportFormat = 'json' | 'har';

/** Saves these entries as a file; resolves to the confirmation to show. */
export type TrafficExporter = (entries: readonly TrafficEntry[], format: TrafficExportFormat) => Promise<string>;

/** What hides some of the entries, in words: "search", "filters", "search and filters". */
export type NarrowedBy = 'search' | 'filters' | 'search and filters';

const FORMAT_NAME: Record<TrafficExportFormat, string> = { json: 'JSON', har: 'HAR' };

/** "Export JSON" and "Export HAR": the rows shown (everything, when nothing hides any), and a line saying so. */
export function ExportTraffic({
  rows,
  narrowedBy,
  onExport,
}: {
  rows: readonly TrafficEntry[];
  /** Absent while every entry is shown. */
  narrowedBy: NarrowedBy | undefined;
  onExport: TrafficExporter;
}) {
  const [status, setStatus] = useState<StatusText>();
  const [busy, setBusy] = useState(false);
  const requests = plural(rows.length, 'request', 'requests');
  const what = narrowedBy
    ? `the ${requests} the ${narrowedBy} ${narrowedBy === 'search' ? 'shows' : 'show'}`
    : `all ${requests}`;
  const run = (format: TrafficExportFormat) => {
    setBusy(true);
    onExport(rows, format)
      .then(
        (text): StatusText => ({ text, error: false }),
        (error: unknown): StatusText => ({
          text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
          error: true,
        }),
      )
      .then((next) => {
        setStatus(next);
        setBusy(false);
      });
  };
  return (
    <>
      {(['json', 'har'] as const).map((format) => (
        <button
          key={format}
          type="button"
          class="secondary export-traffic"
          disabled={rows.length === 0 || busy}
          title={`Save ${what} as ${FORMAT_NAME[format]}`}
          onClick={() => run(format)}
        >
          Export {FORMAT_NAME[format]}
        </button>
      ))}
      <StatusLine status={status} extraClass=" export-status" />
    </>
  );
}
