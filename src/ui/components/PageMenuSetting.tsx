import type { PageMenuView } from '../usePageMenu.ts';

const TEXT = {
  checking: 'Checking…',
  off: 'Off. Turn it on to stop typing from a chat ID you select on any web page: the right-click menu then offers "Stop typing in Linq chat …", and only while your selection holds a chat ID. Chrome asks for access to all websites for that; the extension only looks for a chat ID in what you select, and web pages cannot read its storage.',
  asking: 'Waiting for your answer in Chrome\u2019s prompt…',
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
