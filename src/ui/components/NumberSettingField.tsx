import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { checkWholeNumber } from '../../core/linq/settings-rules.ts';
import { useStoredDraft } from '../useStoredDraft.ts';
import { describedByOf, FieldMessages } from './FieldMessages.tsx';

export interface NumberSettingFieldProps {
  id: string;
  label: string;
  /** As stored, in the unit shown. */
  value: number;
  limits: { min: number; max: number };
  /** The unit's name in the field's message, such as "seconds". */
  unit: string;
  step: number;
  note: ComponentChildren;
  onSave(value: number): void;
}

/**
 * A limited whole number, saved when the operator leaves the field or presses Enter. Typed text is not replaced
 * by a render while they edit, and a refused number keeps its message beside the field and saves nothing.
 */
export function NumberSettingField(props: NumberSettingFieldProps) {
  const draft = useStoredDraft(String(props.value));
  const [error, setError] = useState<string>();

  // The value from the event: a change can come before the render that follows the last input.
  const save = (text: string) => {
    const checked = checkWholeNumber(text, props.limits, props.unit);
    if (!checked.ok) {
      setError(checked.reason);
      return;
    }
    setError(undefined);
    draft.settle(String(checked.value));
    if (checked.value !== props.value) props.onSave(checked.value);
  };

  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={props.limits.min}
        max={props.limits.max}
        step={props.step}
        value={draft.text}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedByOf(props.id, error, true)}
        onInput={(event) => draft.edit(event.currentTarget.value)}
        onChange={(event) => save(event.currentTarget.value)}
      />
      <FieldMessages id={props.id} error={error} note={props.note} />
    </div>
  );
}
