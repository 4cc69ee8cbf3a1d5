import type { HistoryEntry } from '../../core/history.ts';
import type { Profile } from '../../core/profiles.ts';
import { realKeyFor } from '../../core/share/real-key.ts';
import { formatDateTime, formatDuration } from '../format.ts';
import { statusLabel } from './HistoryItem.tsx';
import { HeaderTable } from './HeaderTable.tsx';
import { OutcomeView } from './OutcomeView.tsx';
import { EntryActions, type CopyKind } from './EntryActions.tsx';
import { DiagnosisView } from './DiagnosisView.tsx';

/** Everything known about one entry. Response headers and body are server text, shown as text only. */
export interface EntryDetailsProps {
  entry: HistoryEntry;
  /** The environments as they are now: "Copy cURL with real key" may only use the key of the entry's own. */
  profiles: readonly Profile[];
  onRetry(entry: HistoryEntry): void;
  onCopy(entry: HistoryEntry, kind: CopyKind): Promise<string>;
  onLookupCode(code: number): void;
}

export function EntryDetails({ entry, profiles, onRetry, onCopy, onLookupCode }: EntryDetailsProps) {
  return (
    <section class="details" aria-label="Entry details">
      <h2>
        {entry.method} <code>{entry.chatId}</code> · {statusLabel(entry)}
      </h2>
      {entry.imported ? (
        <p class="imported-note">
          <strong>Imported</strong>: this entry came from a history file; it was not sent from this browser.
        </p>
      ) : null}
      {entry.damaged ? (
        <p class="imported-note">
          <strong>Damaged record</strong>: {entry.damaged}. It is shown as stored; exports leave it out, and Clear
          history removes it.
        </p>
      ) : null}
      <EntryActions
        realKey={realKeyFor(entry, profiles)}
        onRetry={() => onRetry(entry)}
        onCopy={(kind) => onCopy(entry, kind)}
      />
      <h3>Decoded</h3>
      <DiagnosisView entry={entry} />
      {entry.outcome ? (
        <OutcomeView outcome={entry.outcome} onLookupCode={onLookupCode} />
      ) : (
        <p>Waiting for the answer…</p>
      )}
      <h3>Timing</h3>
      <p>
        Started {formatDateTime(entry.startedAt)}; took {formatDuration(entry.durationMs)} (timeout{' '}
        {entry.request.timeoutMs / 1000} s).
      </p>
      <h3>Request</h3>
      <p>
        <code>
          {entry.method} {entry.request.url}
        </code>
      </p>
      <HeaderTable headers={entry.request.headers} label="Request headers" />
      <h3>Response</h3>
      {entry.response ? (
        <>
          <p>
            HTTP {entry.response.status} {entry.response.statusText}
          </p>
          <HeaderTable headers={entry.response.headers} label="Response headers" />
          <h4>Body preview{entry.response.bodyTruncated ? ' (cut)' : ''}</h4>
          {entry.response.bodyPreview === '' ? (
            <p class="field-note">Empty body.</p>
          ) : (
            // A focusable scroller needs a role its name is allowed on (a plain <pre> may not be named).
            <pre class="body-preview server-text" role="region" tabIndex={0} aria-label="Response body preview">
              {entry.response.bodyPreview}
            </pre>
          )}
        </>
      ) : (
        <p class="field-note">No HTTP response was received.</p>
      )}
    </section>
  );
}
