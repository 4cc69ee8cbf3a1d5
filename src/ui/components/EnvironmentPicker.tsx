import type { Profile } from '../../core/profiles.ts';
import { Field } from './Field.tsx';

export interface EnvironmentPickerProps {
  idPrefix: string;
  profiles: readonly Profile[];
  activeId: string;
  nameText: string;
  nameError?: string;
  onSelect(id: string): void;
  onAdd(): void;
  onNameInput(name: string): void;
  onDelete(): void;
  /** false: the caller shows EnvironmentNameField elsewhere (the panel, in its settings drawer). */
  withNameField?: boolean;
}

/**
 * The environments as radio buttons: the active one is always visible and switching is one click. A custom
 * environment can be renamed and deleted; the two built-in ones cannot.
 */
export function EnvironmentPicker(props: EnvironmentPickerProps) {
  return (
    <div class="environments">
      <fieldset>
        <legend>Environment</legend>
        {props.profiles.map((profile) => (
          <label key={profile.id} class="chip env">
            <input
              type="radio"
              name={`${props.idPrefix}-environment`}
              checked={profile.id === props.activeId}
              onChange={() => props.onSelect(profile.id)}
            />
            {profile.name}
          </label>
        ))}
        <button type="button" class="secondary small" onClick={props.onAdd}>
          Add environment
        </button>
      </fieldset>
      {props.withNameField === false ? null : <EnvironmentNameField {...props} />}
    </div>
  );
}

/** Rename or delete the active environment, when it is a custom one. */
export function EnvironmentNameField(props: EnvironmentPickerProps) {
  const active = props.profiles.find((profile) => profile.id === props.activeId);
  return active && !active.builtIn ? (
    <Field
      id={`${props.idPrefix}-environment-name`}
      label="Environment name"
      value={props.nameText}
      error={props.nameError}
      onInput={props.onNameInput}
    >
      <button type="button" class="secondary" onClick={props.onDelete}>
        Delete environment
      </button>
    </Field>
  ) : null;
}
