import { createLinqPanel } from '../platform/devtools-panel.ts';

createLinqPanel();
