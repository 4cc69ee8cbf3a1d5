import { render } from 'preact';
import { createBrowserClient } from '../platform/browser-client.ts';
import { PopupApp } from '../ui/PopupApp.tsx';
import '../ui/styles.css';

render(<PopupApp client={createBrowserClient()} fullHistoryUrl="/src/devtools/panel.html" />, document.getElementById('app')!);
