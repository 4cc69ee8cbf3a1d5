import { useCopyStatus } from '../useCopyStatus.ts';
import type { RealKeyDecision } from '../../core/share/real-key.ts';

export type CopyKind = 'curl' | 'curl-with-key' | 'sdk' | 'cli' | 'report';

const BUTTONS: ReadonlyArray<[CopyKind, string]> = [
  ['curl', 'Copy as cURL'],
  ['sdk', 'Copy as SDK code'],
  ['cli', 'Copy as CLI command'],
  ['report', 'Copy support report'],
];

export interface EntryActionsProps {
  /** Whose key "Copy cURL with real key" would include, for which host; or why it may not. */
  realKey: RealKeyDecision;
  onRetry(): void;
  /** Copies and resolves to the confirmation to show, or rejects with the reason it failed. */
  onCopy(kind: CopyKind): Promise<string>;
}

/** What an operator does with an entry: repeat it, or hand it on. Every copy confirms itself out loud. */
export function EntryActions({ realKey, onRetry, onCopy }: EntryActionsProps) {
  const { status, copy } = useCopyStatus(onCopy);
  return (
    <div class="entry-actions">
      <div class="button-row" role="group" aria-label="Entry actions">
        <button type="button" onClick={onRetry}>
          Retry
        </button>
        {BUTTONS.map(([kind, label]) => (
          <button key={kind} type="button" class="secondary" onClick={() => void copy(kind)}>
            {label}
          </button>
        ))}
      </div>
      <details class="real-key">
        <summary>Include the real API key…</summary>
        {realKey.ok ? (
          <p class="warning">
            The copied command will contain your {realKey.profileName} key in plain text, for {realKey.host}. Paste it
            only where the key may be.
          </p>
        ) : (
          <p class="field-note" id="real-key-refused">
            {realKey.reason}
          </p>
        )}
        <button
          type="button"
          class="danger"
          disabled={!realKey.ok}
          aria-describedby={realKey.ok ? undefined : 'real-key-refused'}
          onClick={() => void copy('curl-with-key')}
        >
          {realKey.ok ? `Copy cURL with real key for ${realKey.host}` : 'Copy cURL with real key'}
        </button>
      </details>
      <p class={status?.error ? 'error' : 'confirmation'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
