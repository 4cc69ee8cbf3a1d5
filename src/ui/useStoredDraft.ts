import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A field's text over a stored value. While the operator edits, the text is theirs: a render from anything else
 * (a request settling, another view's change) does not put the stored value back. Another view's change shows
 * once they are not editing.
 */
export function useStoredDraft(stored: string) {
  const [text, setText] = useState(stored);
  const editing = useRef(false);
  // Compared with what was last shown, since the effect of the first render can run after the first keystroke.
  const shownStored = useRef(stored);
  useEffect(() => {
    if (shownStored.current === stored) return;
    shownStored.current = stored;
    if (!editing.current) setText(stored);
  }, [stored]);
  return {
    text,
    /** The operator typed this. */
    edit(value: string) {
      editing.current = true;
      setText(value);
    },
    /** The edit is over (saved, or the same as stored); the field shows this. */
    settle(value: string) {
      editing.current = false;
      setText(value);
    },
  };
}
