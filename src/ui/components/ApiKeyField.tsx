import { useState } from 'preact/hooks';
import { Field } from './Field.tsx';

export interface ApiKeyFieldProps {
  idPrefix: string;
  apiKey: string;
  remember: boolean;
  error?: string;
  /** The stored key has not arrived yet (the popup's first milliseconds). */
  loading?: boolean;
  onKeyInput(key: string): void;
  onRememberChange(remember: boolean): void;
  onForget(): void;
}

/** The key is masked by default; showing it is a deliberate, reversible choice. */
export function ApiKeyField(props: ApiKeyFieldProps) {
  const [visible, setVisible] = useState(false);
  const rememberNoteId = `${props.idPrefix}-remember-note`;
  return (
    <div class="api-key">
      <Field
        id={`${props.idPrefix}-api-key`}
        label="API key"
        type={visible ? 'text' : 'password'}
        value={props.apiKey}
        error={props.error}
        busy={props.loading}
        placeholder="Your Linq API key"
        onInput={props.onKeyInput}
      >
        <button type="button" class="secondary" aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? 'Hide key' : 'Show key'}
        </button>
        <button type="button" class="secondary" onClick={props.onForget} disabled={props.apiKey === ''}>
          Forget key
        </button>
      </Field>
      <div class="checkbox">
        <input
          id={`${props.idPrefix}-remember`}
          type="checkbox"
          checked={props.remember}
          aria-describedby={rememberNoteId}
          onChange={(event) => props.onRememberChange(event.currentTarget.checked)}
        />
        <label for={`${props.idPrefix}-remember`}>Remember key on this device</label>
      </div>
      <p id={rememberNoteId} class={props.remember ? 'warning' : 'field-note'}>
        {props.remember
          ? 'Warning: the key is stored unencrypted in this browser profile on disk. Anyone with access to this profile can read it.'
          : 'The key is kept in memory only and is forgotten when the browser closes.'}
      </p>
    </div>
  );
}
