import { Component, type ComponentChildren } from 'preact';

export interface ErrorBoundaryProps {
  /** What shows instead of the children once one of them threw while rendering. */
  fallback: ComponentChildren;
  children: ComponentChildren;
}

/**
 * Keeps one bad record from taking a whole view down: a child that throws while rendering is replaced by the
 * fallback, and everything around it keeps working. Errors are not logged: the record is data, not a bug.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The line a history row or the details pane shows when its entry cannot be rendered. */
export function EntryFallback({ details = false }: { details?: boolean }) {
  return (
    <p class={details ? 'details error' : 'history-item entry-failed'} role={details ? 'alert' : undefined}>
      This entry could not be shown.
    </p>
  );
}
