import { render } from 'preact';
import { codeLookupHash } from '../core/code-link.ts';
import { createBrowserClient } from '../platform/browser-client.ts';
import { PopupApp } from '../ui/PopupApp.tsx';
import '../ui/styles.css';
import '../ui/popup.css';

const PANEL_PAGE = '/src/devtools/panel.html';

render(
  <PopupApp
    client={createBrowserClient()}
    fullHistoryUrl={PANEL_PAGE}
    openCodeLookup={(code) => window.open(`${PANEL_PAGE}${codeLookupHash(code)}`, '_blank', 'noopener')}
  />,
  document.getElementById('app')!,
);
