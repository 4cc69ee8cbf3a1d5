import { render } from '@testing-library/preact';
import { EMPTY_FILTER } from '../../src/core/history-filter.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { PanelApp } from '../../src/ui/PanelApp.tsx';
import { PopupApp } from '../../src/ui/PopupApp.tsx';
import type { FakeInspectorClient } from './fake-client.ts';
import { createFakeTraffic } from './fake-traffic.ts';
import type { PanelRoute } from '../../src/core/panel-route.ts';
import type { TrafficClient } from '../../src/ui/traffic-client.ts';

export const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

/** A custom environment beside the built-in ones. */
export const STAGING = {
  id: 'custom-1',
  name: 'Staging',
  baseUrl: 'https://staging.example.com',
  rememberKey: false,
  builtIn: false,
};

/** The default settings with Staging added. */
export function withStaging(): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), profiles: [...structuredClone(DEFAULT_SETTINGS.profiles), STAGING] };
}

export function renderPopup(client: FakeInspectorClient) {
  return render(<PopupApp client={client} fullHistoryUrl="/panel.html" openCodeLookup={() => undefined} />);
}

export function renderPanel(
  client: FakeInspectorClient,
  options: { traffic?: TrafficClient; view?: PanelRoute['view'] } = {},
) {
  return render(
    <PanelApp
      client={client}
      traffic={options.traffic ?? createFakeTraffic()}
      initialRoute={{ view: options.view ?? 'requests', filter: EMPTY_FILTER }}
      onRouteChange={() => undefined}
      subscribeToRoute={() => () => undefined}
    />,
  );
}
