import { useCopyStatus } from '../useCopyStatus.ts';
import type { TrafficEntry } from '../../core/traffic/traffic-entry.ts';
import { formatDateTime, formatDuration } from '../format.ts';
import { HeaderTable } from './HeaderTable.tsx';
import { OutcomeView } from './OutcomeView.tsx';
import { trafficStatusText } from './TrafficRow.tsx';

export type TrafficCopyKind = 'curl' | 'report';

export interface TrafficDetailsProps {
  entry: TrafficEntry;
  /** Copies and resolves to the confirmation to show, or rejects with the reason it failed. */
  onCopy(entry: TrafficEntry, kind: TrafficCopyKind): Promise<string>;
  onLookupCode(code: number): void;
}

/** Copy as cURL and the support report, each confirmed (or its failure said) out loud. No Retry: it was the page's request. */
function TrafficActions({ onCopy }: { onCopy(kind: TrafficCopyKind): Promise<string> }) {
  const { status, copy } = useCopyStatus(onCopy);
  return (
    <div class="entry-actions">
      <div class="button-row" role="group" aria-label="Entry actions">
        <button type="button" class="secondary" onClick={() => void copy('curl')}>
          Copy as cURL
        </button>
        <button type="button" class="secondary" onClick={() => void copy('report')}>
          Copy support report
        </button>
      </div>
      <p class={status?.error ? 'error' : 'confirmation'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </div>
  );
}

/** Everything known of one request of the page's traffic. All of it is page or server text, shown as text. */
export function TrafficDetails({ entry, onCopy, onLookupCode }: TrafficDetailsProps) {
  const { source } = entry;
  return (
    <section class="details traffic-details" aria-label="Traffic entry details">
      <h2>
        {entry.method} <code>{entry.path}</code> · {trafficStatusText(entry)}
      </h2>
      <p class="imported-note">
        {source.kind === 'page' ? (
          'From the inspected page'
        ) : (
          <>
            From <strong>{source.fileName}</strong>
          </>
        )}
        : this request was not sent by this extension, and is not kept in the request history.
      </p>
      <TrafficActions onCopy={(kind) => onCopy(entry, kind)} />
      <h3>Decoded</h3>
      <OutcomeView outcome={entry.outcome} onLookupCode={onLookupCode} />
      <h3>Timing</h3>
      <p>
        Started {formatDateTime(entry.startedAt)}; took {formatDuration(entry.durationMs)}.
      </p>
      <h3>Request</h3>
      <p>
        <code class="server-text">
          {entry.method} {entry.url}
        </code>
      </p>
      <HeaderTable headers={entry.requestHeaders} label="Request headers" />
      <h3>Response</h3>
      <p>{entry.status === 0 ? 'No response.' : `HTTP ${entry.status} ${entry.statusText}`.trim()}</p>
      <HeaderTable headers={entry.responseHeaders} label="Response headers" />
      <h4>Body preview{entry.bodyTruncated ? ' (cut)' : ''}</h4>
      {entry.bodyPreview === '' ? (
        <p class="field-note">Empty body.</p>
      ) : (
        // A focusable scroller needs a role its name is allowed on (a plain <pre> may not be named).
        <pre class="body-preview server-text" role="region" tabIndex={0} aria-label="Response body preview">
          {entry.bodyPreview}
        </pre>
      )}
    </section>
  );
}
