export interface StatusText {
  text: string;
  error: boolean;
}

/**
 * What a file action says after it ran: a confirmation (a polite status, kept in place while empty so the
 * screen reader hears the next one) or an alert for a failure.
 */
export function StatusLine({ status, extraClass = '' }: { status: StatusText | undefined; extraClass?: string }) {
  if (status?.error)
    return (
      <span class="error har-status" role="alert">
        {status.text}
      </span>
    );
  return (
    <span class={`confirmation har-status${extraClass}`} role="status">
      {status?.text ?? ''}
    </span>
  );
}
