import { createLinqPanel } from '../platform/devtools-panel.ts';
import { captureInspectedPage } from '../platform/traffic-capture.ts';

// At the top level, before anything awaits: the page's requests are captured from the moment DevTools opens.
const capture = captureInspectedPage();
createLinqPanel(() => void capture.backfill());
