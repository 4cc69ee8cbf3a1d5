import type { ComponentChildren } from 'preact';

/** What a field's aria-describedby names: its message, when it has one, then its note. */
export function describedByOf(id: string, error: string | undefined, hasNote: boolean): string | undefined {
  return (
    [error ? `${id}-message` : undefined, hasNote ? `${id}-note` : undefined].filter(Boolean).join(' ') || undefined
  );
}

/** A field's message (why its value was refused) and its note, below it, with the ids describedByOf names. */
export function FieldMessages(props: { id: string; error?: string; note?: ComponentChildren }) {
  return (
    <>
      {props.error ? (
        <p id={`${props.id}-message`} class="field-error">
          {props.error}
        </p>
      ) : null}
      {props.note ? (
        <p id={`${props.id}-note`} class="field-note">
          {props.note}
        </p>
      ) : null}
    </>
  );
}
