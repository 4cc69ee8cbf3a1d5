import { useState } from 'preact/hooks';

export type CopyKind = 'curl' | 'curl-with-key' | 'sdk' | 'cli' | 'report';

const BUTTONS: ReadonlyArray<[CopyKind, string]> = [
  ['curl', 'Copy as cURL'],
  ['sdk', 'Copy as SDK code'],
  ['cli', 'Copy as CLI command'],
  ['report', 'Copy support report'],
];

export interface EntryActionsProps {
  onRetry(): void;
  /** Copies and resolves to the confirmation to show, or rejects with the reason it failed. */
  onCopy(kind: CopyKind): Promise<string>;
}

/** What an operator does with an entry: repeat it, or hand it on. Every copy confirms itself out loud. */
export function EntryActions({ onRetry, onCopy }: EntryActionsProps) {
  const [status, setStatus] = useState<{ text: string; error: boolean }>();
  const copy = (kind: CopyKind) =>
    onCopy(kind).then(
      (text) => setStatus({ text, error: false }),
      (error: unknown) => setStatus({ text: `Copy failed: ${error instanceof Error ? error.message : String(error)}`, error: true }),
    );
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
        <p class="warning">The copied command will contain your key in plain text. Paste it only where the key may be.</p>
        <button type="button" class="danger" onClick={() => void copy('curl-with-key')}>
          Copy cURL with real key
        </button>
      </details>
      <p class={status?.error ? 'error' : 'confirmation'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
