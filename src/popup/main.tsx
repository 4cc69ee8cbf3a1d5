import { render } from 'preact';
import { createBrowserClient } from '../platform/browser-client.ts';
import { App } from '../ui/App.tsx';
import '../ui/styles.css';

render(<App client={createBrowserClient()} variant="popup" />, document.getElementById('app')!);
