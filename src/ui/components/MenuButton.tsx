import type { ComponentChildren } from 'preact';
import { useAfterFirstFrame } from '../useAfterFirstFrame.ts';

export interface MenuButtonProps {
  id: string;
  /** The button's text, e.g. "Outcome (2)". */
  label: ComponentChildren;
  /** What a screen reader hears for the button, when the text alone says too little. */
  ariaLabel?: string;
  children: ComponentChildren;
}

/**
 * A compact menu: a button and a popover anchored below it. The browser's popover gives light dismiss (a click
 * elsewhere or Esc closes it) and the button's expanded state, with no script of ours.
 */
export function MenuButton({ id, label, ariaLabel, children }: MenuButtonProps) {
  const anchor = `--${id}`;
  // A closed menu shows nothing of its choices: they come just after the view's first frame.
  const filled = useAfterFirstFrame();
  return (
    <>
      <button
        type="button"
        class="secondary small menu-button"
        popovertarget={id}
        aria-label={ariaLabel}
        style={`anchor-name: ${anchor}`}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div id={id} class="menu" popover="auto" style={`position-anchor: ${anchor}`}>
        {filled ? children : null}
      </div>
    </>
  );
}
