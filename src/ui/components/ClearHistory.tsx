import { useState } from 'preact/hooks';

/** Clearing is irreversible, so it asks first, inline, without a modal dialog. */
export function ClearHistory({ disabled, onClear }: { disabled: boolean; onClear(): void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" class="secondary" disabled={disabled} onClick={() => setConfirming(true)}>
        Clear history
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label="Confirm clearing the history">
      <span>Delete every history entry?</span>
      <button
        type="button"
        class="danger"
        ref={(button) => button?.focus()}
        onClick={() => {
          setConfirming(false);
          onClear();
        }}
      >
        Yes, clear history
      </button>
      <button type="button" class="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}

/** After clearing, focus goes to what replaced the list, so keyboard users are not left on nothing. */
export function focusList(section: HTMLElement | null): void {
  requestAnimationFrame(() => section?.querySelector<HTMLElement>('.history-list, .empty')?.focus());
}
