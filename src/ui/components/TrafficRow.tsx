import type { TrafficEntry } from '../../core/traffic/traffic-entry.ts';
import { sourceTag, trafficMeaning } from '../../core/traffic/traffic-filter.ts';
import { KIND_LABEL, formatDateTime, formatDuration, formatTime, isoTime } from '../format.ts';

/** The Page traffic table's columns, in order: the shared table's header draws them (RequestTable's columns). */
export const TRAFFIC_COLUMNS = [
  'Time',
  'Method',
  'Host and path',
  'Status',
  'Code and meaning',
  'Duration',
  'Trace ID',
] as const;

/**
 * Longer than this, the path is cut in its middle, keeping its end (the endpoint's last segments say most); the
 * whole URL stays in the tooltip and the details.
 */
const PLACE_MAX = 48;

export function placeOf(entry: TrafficEntry): string {
  const place = `${entry.host}${entry.path}`;
  if (place.length <= PLACE_MAX) return place;
  const tail = Math.max(12, PLACE_MAX - entry.host.length - 2);
  return `${entry.host.slice(0, PLACE_MAX - 14)}/…${entry.path.slice(-tail)}`;
}

export function trafficStatusText(entry: TrafficEntry): string {
  const kind = KIND_LABEL[entry.outcome.kind];
  return entry.status === 0 ? kind : `${entry.status} ${kind}`;
}

const traceOf = (entry: TrafficEntry) => entry.traceId ?? entry.outcome.traceId;

/** A row's accessible name: each cell after its column's name, as the Requests table's rows say theirs. */
export function trafficLabelOf(entry: TrafficEntry): string {
  const cells: Record<(typeof TRAFFIC_COLUMNS)[number], string> = {
    Time: formatTime(entry.startedAt),
    Method: entry.method,
    'Host and path': placeOf(entry),
    Status: trafficStatusText(entry),
    'Code and meaning': `${sourceTag(entry.source)} ${trafficMeaning(entry)}`,
    Duration: formatDuration(entry.durationMs),
    'Trace ID': traceOf(entry) ?? '',
  };
  return TRAFFIC_COLUMNS.map((column) => `${column} ${cells[column]}`.trim()).join(' ');
}

/** One request of the page's traffic on one line. No controls inside: the row is a listbox option. */
export function TrafficRow({ entry }: { entry: TrafficEntry }) {
  const kind = entry.outcome.kind;
  const traceId = traceOf(entry);
  return (
    <div class={`history-item request-cols traffic-item kind-${kind}`}>
      <time dateTime={isoTime(entry.startedAt)} title={formatDateTime(entry.startedAt)}>
        {formatTime(entry.startedAt)}
      </time>
      <span class="method">{entry.method}</span>
      <span class="place" title={entry.url}>
        {placeOf(entry)}
      </span>
      <span class={`status kind-${kind}`}>{trafficStatusText(entry)}</span>
      <span class="meaning" title={entry.outcome.serverMessage}>
        <span
          class={`tag source-${entry.source.kind}`}
          title={entry.source.kind === 'har' ? 'From a HAR file' : undefined}
        >
          {sourceTag(entry.source)}
        </span>{' '}
        {trafficMeaning(entry)}
      </span>
      <span class="duration">{formatDuration(entry.durationMs)}</span>
      <code class="trace-id server-text" title={traceId}>
        {traceId ?? ''}
      </code>
    </div>
  );
}
