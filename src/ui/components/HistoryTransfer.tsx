import { useState } from 'preact/hooks';
import { useAfterFirstFrame } from '../useAfterFirstFrame.ts';

export type ExportScope = 'all' | 'filtered';
export type ExportFormat = 'json' | 'har';

export interface HistoryTransferProps {
  total: number;
  filtered: number;
  onExport(format: ExportFormat, scope: ExportScope): Promise<string>;
  /**
   * Checks and imports a file; resolves to the confirmation, rejects with the reason. It reports progress
   * through `onProgress`, and stops when `signal` is aborted (Cancel).
   */
  onImport(file: Blob, onProgress: (text: string) => void, signal: AbortSignal): Promise<string>;
}

/** Export (JSON or HAR, all or the filtered view) and import (JSON), each confirming or explaining. */
export function HistoryTransfer(props: HistoryTransferProps) {
  const [scope, setScope] = useState<ExportScope>('all');
  const [status, setStatus] = useState<{ text: string; error: boolean }>();
  // Set while an import runs: Cancel aborts it.
  const [importing, setImporting] = useState<AbortController>();
  // Closed at first: its controls come just after the view's first frame.
  const filled = useAfterFirstFrame();
  const report = (work: Promise<string>) =>
    work.then(
      (text) => setStatus({ text, error: false }),
      (error: unknown) => setStatus({ text: error instanceof Error ? error.message : String(error), error: true }),
    );
  const startImport = (file: Blob) => {
    const control = new AbortController();
    setImporting(control);
    const work = props.onImport(file, (text) => setStatus({ text, error: false }), control.signal);
    void report(work).finally(() => setImporting(undefined));
  };
  return (
    <details class="transfer">
      <summary>Export and import</summary>
      {filled ? (
        <div class="transfer-body">
          <fieldset>
            <legend>Export</legend>
            <label class="chip">
              <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              Whole history ({props.total})
            </label>
            <label class="chip">
              <input
                type="radio"
                name="export-scope"
                checked={scope === 'filtered'}
                onChange={() => setScope('filtered')}
              />
              Filtered view ({props.filtered})
            </label>
            <button type="button" class="secondary" onClick={() => void report(props.onExport('json', scope))}>
              Export JSON
            </button>
            <button type="button" class="secondary" onClick={() => void report(props.onExport('har', scope))}>
              Export HAR
            </button>
          </fieldset>
          <div class="field">
            <label for="history-import">Import JSON</label>
            <input
              id="history-import"
              type="file"
              accept="application/json,.json"
              disabled={importing !== undefined}
              onChange={(event) => {
                const input = event.currentTarget;
                const file = input.files?.[0];
                if (!file) return;
                startImport(file);
                input.value = '';
              }}
            />
            {importing ? (
              <button type="button" class="secondary" onClick={() => importing.abort()}>
                Cancel import
              </button>
            ) : null}
          </div>
          <p class={status?.error ? 'error' : 'confirmation'} role="status" aria-live="polite">
            {status?.text ?? ''}
          </p>
        </div>
      ) : null}
    </details>
  );
}
