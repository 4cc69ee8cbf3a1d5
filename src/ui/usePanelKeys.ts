import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export interface PanelKeyActions {
  /** "/" (outside a text field) or Ctrl+F / Cmd+F. */
  focusSearch(): void;
  /** Esc: closes the details pane; true if it was open. */
  closeDetails(): boolean;
  /** Esc with the details closed: empties the search; true if there was one. */
  clearSearch(): boolean;
  /** Ctrl+Enter / Cmd+Enter outside the form (the form handles its own); a view without one leaves the key alone. */
  fire?(): void;
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function popoverOpen(doc: Document): boolean {
  try {
    return doc.querySelector(':popover-open') !== null;
  } catch {
    // A DOM without popovers (happy-dom) has none open.
    return false;
  }
}

/**
 * The panel's keyboard map, as in DevTools: "/" or Ctrl+F focuses search, Esc closes the details and then
 * clears the search (an open settings drawer closes first: useEscapeCloses), Ctrl+Enter fires from anywhere. ↑/↓ and Enter belong to the table itself.
 */
export function usePanelKeys(doc: Document, actions: PanelKeyActions, enabled: boolean): void {
  // The listener stays; the actions it calls are always the latest render's.
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const keys = latest.current;
      if (event.defaultPrevented) return;
      const command = event.ctrlKey || event.metaKey;
      if ((event.key === '/' && !command && !typingInto(event.target)) || (command && event.key === 'f')) {
        event.preventDefault();
        keys.focusSearch();
      } else if (event.key === 'Escape' && !popoverOpen(doc)) {
        // Handled here, Esc must not also clear a search box the browser's way (out of order).
        if (keys.closeDetails() || keys.clearSearch()) event.preventDefault();
      } else if (event.key === 'Enter' && command && keys.fire) {
        event.preventDefault();
        keys.fire();
      }
    };
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [doc, enabled]);
}

/**
 * While `open`, Esc calls `close` before anything else the panel does with Esc (closing details, clearing
 * search): it listens in the capture phase and marks the key handled. An open menu (a popover) closes first.
 */
export function useEscapeCloses(doc: Document, open: boolean, close: () => void): void {
  const latest = useRef(close);
  latest.current = close;
  // Layout effect: the listener is in place when the drawer is on screen, not a frame later (an Esc pressed
  // right after opening would otherwise reach the panel's own Esc and close the details instead).
  useLayoutEffect(() => {
    if (!open) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || popoverOpen(doc)) return;
      event.preventDefault();
      latest.current();
    };
    doc.addEventListener('keydown', onKeyDown, true);
    return () => doc.removeEventListener('keydown', onKeyDown, true);
  }, [doc, open]);
}
