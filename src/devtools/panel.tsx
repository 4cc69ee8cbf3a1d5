import { render } from 'preact';
import { routeFromHash, routeToHash } from '../core/panel-route.ts';
import { createBrowserClient } from '../platform/browser-client.ts';
import { devtoolsTheme } from '../platform/devtools-theme.ts';
import { lazyTrafficClient } from '../platform/lazy-traffic-client.ts';
import { PanelApp } from '../ui/PanelApp.tsx';
import '../ui/styles.css';
import '../ui/panel.css';

const theme = devtoolsTheme();
if (theme) document.documentElement.dataset.theme = theme;

render(
  <PanelApp
    client={createBrowserClient()}
    traffic={lazyTrafficClient()}
    initialRoute={routeFromHash(location.hash)}
    onRouteChange={(route) => history.replaceState(null, '', routeToHash(route) || location.pathname)}
    subscribeToRoute={(listener) => {
      const onHashChange = () => listener(routeFromHash(location.hash));
      window.addEventListener('hashchange', onHashChange);
      return () => window.removeEventListener('hashchange', onHashChange);
    }}
  />,
  document.getElementById('app')!,
);
