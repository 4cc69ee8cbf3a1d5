import { Field } from './Field.tsx';

export interface BaseUrlFieldProps {
  idPrefix: string;
  value: string;
  error?: string;
  /** false when the extension may not reach this host yet. */
  hasAccess: boolean;
  /** What "Reset to default" restores for this environment. */
  defaultValue: string;
  onInput(value: string): void;
  onBlur(): void;
  onReset(): void;
  onGrantAccess(): void;
}

export function BaseUrlField(props: BaseUrlFieldProps) {
  return (
    <Field
      id={`${props.idPrefix}-base-url`}
      label="Base URL"
      type="url"
      inputMode="url"
      value={props.value}
      error={props.error}
      note={
        props.hasAccess
          ? undefined
          : 'The extension has no access to this host yet. Nothing is sent until you grant it.'
      }
      onInput={props.onInput}
      onBlur={props.onBlur}
    >
      {props.hasAccess ? null : (
        <button type="button" onClick={props.onGrantAccess}>
          Grant access
        </button>
      )}
      <button type="button" class="secondary" onClick={props.onReset} disabled={props.value === props.defaultValue}>
        Reset to default
      </button>
    </Field>
  );
}
