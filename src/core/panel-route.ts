import { filterFromHash, filterToHash } from './filter-hash.ts';
import type { HistoryFilter } from './history-filter.ts';

export type PanelView = 'requests' | 'codes' | 'traffic';

/** Where the panel is: which view, which code (in Codes), and the history filter. All of it lives in the hash. */
export interface PanelRoute {
  view: PanelView;
  code?: number;
  filter: HistoryFilter;
}

/** The views the hash names; "requests" is the default and is not written. */
const NAMED_VIEWS: ReadonlySet<string> = new Set<PanelView>(['codes', 'traffic']);

function viewOf(name: string | null): PanelView {
  return name !== null && NAMED_VIEWS.has(name) ? (name as PanelView) : 'requests';
}

export function routeFromHash(hash: string): PanelRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = Number(params.get('code'));
  return {
    view: viewOf(params.get('view')),
    code: Number.isInteger(code) && code > 0 ? code : undefined,
    filter: filterFromHash(hash),
  };
}

export function routeToHash(route: PanelRoute): string {
  const filter = filterToHash(route.filter).replace(/^#/, '');
  const parts = [
    route.view === 'requests' ? '' : `view=${route.view}`,
    route.view === 'codes' && route.code !== undefined ? `code=${route.code}` : '',
    filter,
  ];
  const hash = parts.filter(Boolean).join('&');
  return hash === '' ? '' : `#${hash}`;
}
