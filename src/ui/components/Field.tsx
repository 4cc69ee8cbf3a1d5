import type { ComponentChildren } from 'preact';
import { describedByOf, FieldMessages } from './FieldMessages.tsx';

/**
 * A labelled input with its message. An invalid field carries aria-invalid and points at its message with
 * aria-describedby, so a screen reader reads why alongside the field.
 */
export interface FieldProps {
  id: string;
  label: string;
  value: string;
  type?: 'text' | 'password' | 'url';
  error?: string;
  note?: ComponentChildren;
  placeholder?: string;
  inputMode?: 'text' | 'url' | 'numeric';
  onInput(value: string): void;
  onBlur?(): void;
  onEnter?(): void;
  /** Its stored value is still on its way (aria-busy). */
  busy?: boolean;
  children?: ComponentChildren;
}

export function Field(props: FieldProps) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <div class="field-row">
        <input
          id={props.id}
          // Preact's input typings split by type; all three here take the same attributes.
          type={(props.type ?? 'text') as 'text'}
          value={props.value}
          placeholder={props.placeholder}
          inputMode={props.inputMode}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={props.error ? 'true' : undefined}
          aria-busy={props.busy ? 'true' : undefined}
          aria-describedby={describedByOf(props.id, props.error, Boolean(props.note))}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onBlur={props.onBlur}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && props.onEnter) {
              event.preventDefault();
              props.onEnter();
            }
          }}
        />
        {props.children}
      </div>
      <FieldMessages id={props.id} error={props.error} note={props.note} />
    </div>
  );
}
