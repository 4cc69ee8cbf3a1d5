import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { checkWholeNumber } from '../../core/linq/settings-rules.ts';
import { useStoredDraft } from '../useStoredDraft.ts';

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
  const messageId = `${props.id}-message`;
  const noteId = `${props.id}-note`;

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
        aria-describedby={error ? `${messageId} ${noteId}` : noteId}
        onInput={(event) => draft.edit(event.currentTarget.value)}
        onChange={(event) => save(event.currentTarget.value)}
      />
      {error ? (
        <p id={messageId} class="field-error">
          {error}
        </p>
      ) : null}
      <p id={noteId} class="field-note">
        {props.note}
      </p>
    </div>
  );
}
