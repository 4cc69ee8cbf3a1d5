import type { CodeFamily, EntryKind, HistoryFilter } from './history-filter.ts';

/**
 * The panel keeps its filter in the URL hash (#q=…&kind=…&family=…&from=…&to=…), so a panel tab can be
 * bookmarked or shared. Unknown or malformed parts are ignored rather than refused.
 */
const KINDS: readonly EntryKind[] = [
  'success',
  'linq_error',
  'http_failure',
  'network',
  'timeout',
  'interrupted',
  'pending',
];
const FAMILIES: readonly CodeFamily[] = [1, 2, 3, 4, 5];

export function filterToHash(filter: HistoryFilter): string {
  const params = new URLSearchParams();
  if (filter.text.trim() !== '') params.set('q', filter.text.trim());
  if (filter.kinds.size > 0) params.set('kind', KINDS.filter((kind) => filter.kinds.has(kind)).join(','));
  if (filter.families.size > 0)
    params.set('family', FAMILIES.filter((family) => filter.families.has(family)).join(','));
  if (filter.from !== undefined) params.set('from', new Date(filter.from).toISOString());
  if (filter.to !== undefined) params.set('to', new Date(filter.to).toISOString());
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

function time(value: string | null): number | undefined {
  if (value === null) return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export function filterFromHash(hash: string): HistoryFilter {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  return {
    text: params.get('q') ?? '',
    kinds: new Set(KINDS.filter((kind) => list('kind').includes(kind))),
    families: new Set(FAMILIES.filter((family) => list('family').includes(String(family)))),
    from: time(params.get('from')),
    to: time(params.get('to')),
  };
}
