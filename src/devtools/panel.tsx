import { render } from 'preact';
import { filterFromHash, filterToHash } from '../core/filter-hash.ts';
import { createBrowserClient } from '../platform/browser-client.ts';
import { PanelApp } from '../ui/PanelApp.tsx';
import '../ui/styles.css';

render(
  <PanelApp
    client={createBrowserClient()}
    initialFilter={filterFromHash(location.hash)}
    onFilterChange={(filter) => history.replaceState(null, '', filterToHash(filter) || location.pathname)}
  />,
  document.getElementById('app')!,
);
