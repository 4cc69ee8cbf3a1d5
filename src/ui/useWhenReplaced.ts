import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Runs `onReplaced` when `value` is replaced after the first render (the popup's first-paint copy giving way to
 * the stored values), in a layout effect, so the stored values are on screen in the same frame.
 */
export function useWhenReplaced<T>(value: T, onReplaced: (value: T) => void) {
  const shown = useRef(value);
  useLayoutEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    onReplaced(value);
  }, [value]);
}
