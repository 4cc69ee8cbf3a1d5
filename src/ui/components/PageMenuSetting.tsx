import type { PageMenuView } from '../usePageMenu.ts';
import { BROWSER } from '../browser-name.ts';

const TEXT = {
  checking: 'Checking…',
  off: `Off. Turn it on to get "Stop typing in Linq chat …" in the right-click menu when the text you select on a web page holds a chat ID. ${BROWSER.name} will ask for access to all websites: the extension reads only your selection, and web pages cannot read its storage.`,
  asking: `Waiting for your answer in ${BROWSER.name}\u2019s prompt…`,
  on: 'On. "Stop typing in Linq chat …" appears in the right-click menu when the text you select on a web page holds a chat ID.',
} as const;

/** The switch for the right-click item on web pages, in the Settings section. */
export function PageMenuSetting({ idPrefix, view }: { idPrefix: string; view: PageMenuView }) {
  const on = view.status === 'on';
  const noteId = `${idPrefix}-page-menu-note`;
  return (
    <fieldset class="page-menu">
      <legend>Page menu</legend>
      <p id={noteId} class="field-note">
        {TEXT[view.status]}
      </p>
      <button
        type="button"
        class="secondary"
        aria-describedby={noteId}
        disabled={view.status === 'checking' || view.status === 'asking'}
        onClick={on ? view.turnOff : view.turnOn}
      >
        {on ? 'Turn off page menu' : 'Turn on page menu'}
      </button>
      <p class={view.note ? 'error' : 'confirmation'} role="status" aria-live="polite">
        {view.note ?? ''}
      </p>
    </fieldset>
  );
}
