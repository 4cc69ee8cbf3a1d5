/**
 * `npm run dev:ui`: the popup and the panel as a plain web page, over the fake client the UI tests use, so a
 * UI change can be seen without building or loading the extension. Both views share one fake client, as the
 * real ones share storage: a request fired in the popup shows in the panel's history.
 */
import { render } from 'preact';
import { EMPTY_FILTER } from '../../../src/core/history-filter.ts';
import type { PanelRoute } from '../../../src/core/panel-route.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings.ts';
import { PanelApp } from '../../../src/ui/PanelApp.tsx';
import { PopupApp } from '../../../src/ui/PopupApp.tsx';
import '../../../src/ui/styles.css';
import '../../../src/ui/panel.css';
import { settledEntries } from '../../bench/bench-entries.ts';
import { createFakeClient } from '../fake-client.ts';
import { createFakeTraffic, pageEntries } from '../fake-traffic.ts';

const baseUrl = DEFAULT_SETTINGS.profiles[0]!.baseUrl;
const client = createFakeClient({
  keys: { production: 'sk_dev_fake_key' },
  history: settledEntries(baseUrl, 12, Date.now() - 60_000),
});
// The popup's code links open the panel's Codes view, as they open the panel page in the extension.
const routeListeners = new Set<(route: PanelRoute) => void>();
const lookUpCode = (code: number) =>
  routeListeners.forEach((listener) => listener({ view: 'codes', code, filter: EMPTY_FILTER }));

render(
  <PopupApp client={client} fullHistoryUrl="#panel" openCodeLookup={lookUpCode} />,
  document.getElementById('popup')!,
);
render(
  <PanelApp
    client={client}
    traffic={createFakeTraffic({ entries: pageEntries() })}
    initialRoute={{ view: 'requests', filter: EMPTY_FILTER }}
    onRouteChange={() => undefined}
    subscribeToRoute={(listener) => {
      routeListeners.add(listener);
      return () => void routeListeners.delete(listener);
    }}
  />,
  document.getElementById('panel')!,
);
