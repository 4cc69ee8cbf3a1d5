import { useState } from 'preact/hooks';
import { plural } from '../count-text.ts';
import type { HarOpenResult, TrafficClient } from '../traffic-client.ts';
import { StatusLine, type StatusText } from './StatusLine.tsx';

/** "Opened x.har: 3 Linq requests of 120 (2 entries could not be read)." */
export function harOpenedText(result: Extract<HarOpenResult, { ok: true }>): string {
  const skipped = result.skipped > 0 ? ` (${plural(result.skipped, 'entry', 'entries')} could not be read)` : '';
  return `Opened ${result.fileName}: ${plural(result.kept, 'Linq request', 'Linq requests')} of ${result.total}${skipped}.`;
}

/** "Open HAR file…": a file input dressed as a button, and a line saying what the file gave, or why not. */
export function OpenHar({ traffic }: { traffic: TrafficClient }) {
  const [status, setStatus] = useState<StatusText>();
  const [opening, setOpening] = useState(false);
  const open = (file: File) => {
    setOpening(true);
    setStatus({ text: `Opening ${file.name.slice(0, 200)}…`, error: false });
    traffic
      .openHar(file)
      .then(
        (result): StatusText =>
          result.ok
            ? { text: harOpenedText(result), error: false }
            : { text: `Could not open ${file.name.slice(0, 200)}: ${result.reason}.`, error: true },
        (error: unknown): StatusText => ({
          text: `Could not open ${file.name.slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}.`,
          error: true,
        }),
      )
      .then((next) => {
        setStatus(next);
        setOpening(false);
      });
  };
  return (
    <>
      <label class={`file-button secondary${opening ? ' disabled' : ''}`}>
        Open HAR file…
        <input
          class="visually-hidden"
          type="file"
          accept=".har,.json"
          disabled={opening}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) open(file);
          }}
        />
      </label>
      <StatusLine status={status} />
    </>
  );
}
