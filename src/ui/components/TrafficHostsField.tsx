import { useState } from 'preact/hooks';
import { useStoredDraft } from '../useStoredDraft.ts';
import { describedByOf, FieldMessages } from './FieldMessages.tsx';
import { checkTrafficHosts, TRAFFIC_HOSTS_INPUT_MAX, TRAFFIC_HOSTS_MAX } from '../../core/linq/traffic-hosts.ts';

export interface TrafficHostsFieldProps {
  idPrefix: string;
  /** As stored. */
  hosts: readonly string[];
  onSave(hosts: string[]): void;
}

const asText = (hosts: readonly string[]) => hosts.join('\n');
const countText = (count: number) => (count === 1 ? '1 host' : `${count} hosts`);

/**
 * The operator's own hosts for Page traffic (panel only). A list is typed over several keystrokes, so it is
 * checked and saved when the field is left, not while typing; refused text stays in the field with its message,
 * and nothing is saved.
 */
export function TrafficHostsField({ idPrefix, hosts, onSave }: TrafficHostsFieldProps) {
  const id = `${idPrefix}-traffic-hosts`;
  const stored = asText(hosts);
  const draft = useStoredDraft(stored);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();

  // The value from the event: a change can come before the render that follows the last input.
  const save = (value: string) => {
    const checked = checkTrafficHosts(value);
    if (!checked.ok) {
      setError(checked.reason);
      setSaved(undefined);
      return;
    }
    setError(undefined);
    draft.settle(asText(checked.value));
    if (asText(checked.value) === stored) return;
    onSave(checked.value);
    setSaved(
      checked.value.length === 0 ? 'Saved: no hosts of your own.' : `Saved: ${countText(checked.value.length)}.`,
    );
  };

  return (
    <div class="field traffic-hosts">
      <label for={id}>Page traffic: also capture these hosts</label>
      <textarea
        id={id}
        rows={2}
        value={draft.text}
        maxLength={TRAFFIC_HOSTS_INPUT_MAX}
        placeholder="staging.example.com, localhost:3000"
        autocomplete="off"
        spellcheck={false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedByOf(id, error, true)}
        onInput={(event) => draft.edit(event.currentTarget.value)}
        onChange={(event) => save(event.currentTarget.value)}
      />
      <FieldMessages
        id={id}
        error={error}
        note={
          <>
            Host or host:port, separated by commas, spaces or new lines; at most {TRAFFIC_HOSTS_MAX}. A pasted URL
            counts as its host. Linq&apos;s host and the active environment&apos;s are always captured. Saved when you
            leave the field.
          </>
        }
      />
      <p class="field-note" role="status">
        {saved ?? ''}
      </p>
    </div>
  );
}
