import { filterFromHash, filterToHash } from './filter-hash.ts';
import type { HistoryFilter } from './history-filter.ts';

/** Where the panel is: which view, which code (in Codes), and the history filter. All of it lives in the hash. */
export interface PanelRoute {
  view: 'requests' | 'codes';
  code?: number;
  filter: HistoryFilter;
}

export function routeFromHash(hash: string): PanelRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = Number(params.get('code'));
  return {
    view: params.get('view') === 'codes' ? 'codes' : 'requests',
    code: Number.isInteger(code) && code > 0 ? code : undefined,
    filter: filterFromHash(hash),
  };
}

export function routeToHash(route: PanelRoute): string {
  const filter = filterToHash(route.filter).replace(/^#/, '');
  const parts = [
    route.view === 'codes' ? 'view=codes' : '',
    route.view === 'codes' && route.code !== undefined ? `code=${route.code}` : '',
    filter,
  ];
  const hash = parts.filter(Boolean).join('&');
  return hash === '' ? '' : `#${hash}`;
}
