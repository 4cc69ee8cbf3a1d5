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

/**
 * After clearing, focus goes to what replaced the list, so keyboard users are not left on nothing. The view
 * re-reads the history only when it hears of the clear, which may be after the reply: focusing the old list
 * then would lose the focus when it is replaced, so this waits (briefly) for the empty list to appear.
 */
export function focusList(section: HTMLElement | null): void {
  if (!section) return;
  const focusEmpty = (): boolean => {
    const empty = section.querySelector<HTMLElement>('.empty');
    empty?.focus();
    return empty !== null;
  };
  if (focusEmpty()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (!focusEmpty()) return;
    observer.disconnect();
    clearTimeout(timer);
  });
  observer.observe(section, { childList: true, subtree: true });
  // Entries that arrived meanwhile keep a list: focus that instead.
  timer = setTimeout(() => {
    observer.disconnect();
    section.querySelector<HTMLElement>('.history-list, .empty')?.focus();
  }, 2_000);
}
