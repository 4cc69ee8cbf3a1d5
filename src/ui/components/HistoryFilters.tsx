import type { Ref } from 'preact';
import type { CodeFamily, EntryKind, HistoryFilter } from '../../core/history-filter.ts';
import { KIND_LABEL } from '../format.ts';
import { MenuButton } from './MenuButton.tsx';

const KINDS: readonly EntryKind[] = ['success', 'linq_error', 'http_failure', 'network', 'timeout', 'interrupted'];
const FAMILIES: ReadonlyArray<[CodeFamily, string]> = [
  [1, '1xxx request'],
  [2, '2xxx resource'],
  [3, '3xxx server'],
  [4, '4xxx delivery'],
  [5, '5xxx attachment'],
];

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

/** datetime-local works in local time without a zone; these convert to and from epoch ms. */
function toLocalInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

function fromLocalInput(value: string, endOfMinute: boolean): number | undefined {
  if (value === '') return undefined;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return undefined;
  return endOfMinute ? ms + 59_999 : ms;
}

/** What sets one filter bar apart from another on the same page: its ids and its search box's words. */
export interface FilterNames {
  searchId: string;
  searchLabel: string;
  placeholder: string;
  /** The menus' ids (their popover targets) start with it: "filter" gives filter-outcome, filter-family… */
  menuPrefix: string;
}

export const HISTORY_FILTER_NAMES: FilterNames = {
  searchId: 'history-search',
  searchLabel: 'Search history',
  placeholder: 'Search: chat ID, code, trace ID, status, message  ( / )',
  menuPrefix: 'filter',
};

export interface HistoryFiltersProps {
  filter: HistoryFilter;
  onChange(filter: HistoryFilter): void;
  /** The search box, for "/" and Ctrl+F. */
  searchRef?: Ref<HTMLInputElement>;
  /** The request history's by default. */
  names?: FilterNames;
  /** The Outcome menu's boxes: every kind by default; a view offers only the kinds its entries can have. */
  kinds?: readonly EntryKind[];
}

/** Search, then Outcome, Code family and Time range as compact menus, all on one row. */
export function HistoryFilters({
  filter,
  onChange,
  searchRef,
  names = HISTORY_FILTER_NAMES,
  kinds = KINDS,
}: HistoryFiltersProps) {
  const timed = filter.from !== undefined || filter.to !== undefined;
  return (
    <div class="filters">
      <div class="search">
        <label for={names.searchId} class="visually-hidden">
          {names.searchLabel}
        </label>
        <input
          id={names.searchId}
          ref={searchRef}
          type="search"
          value={filter.text}
          placeholder={names.placeholder}
          onInput={(event) => onChange({ ...filter, text: event.currentTarget.value })}
        />
      </div>
      <MenuButton id={`${names.menuPrefix}-outcome`} label={counted('Outcome', filter.kinds.size)}>
        <fieldset>
          <legend>Outcome</legend>
          {kinds.map((kind) => (
            <label key={kind} class="chip">
              <input
                type="checkbox"
                checked={filter.kinds.has(kind)}
                onChange={(event) =>
                  onChange({ ...filter, kinds: toggled(filter.kinds, kind, event.currentTarget.checked) })
                }
              />
              {KIND_LABEL[kind]}
            </label>
          ))}
        </fieldset>
      </MenuButton>
      <MenuButton id={`${names.menuPrefix}-family`} label={counted('Code family', filter.families.size)}>
        <fieldset>
          <legend>Code family</legend>
          {FAMILIES.map(([family, label]) => (
            <label key={family} class="chip">
              <input
                type="checkbox"
                checked={filter.families.has(family)}
                onChange={(event) =>
                  onChange({ ...filter, families: toggled(filter.families, family, event.currentTarget.checked) })
                }
              />
              {label}
            </label>
          ))}
        </fieldset>
      </MenuButton>
      <MenuButton id={`${names.menuPrefix}-time`} label={timed ? 'Time range (set)' : 'Time range'}>
        <fieldset class="time-range">
          <legend>Time range</legend>
          <label>
            From{' '}
            <input
              type="datetime-local"
              value={toLocalInput(filter.from)}
              onChange={(event) => onChange({ ...filter, from: fromLocalInput(event.currentTarget.value, false) })}
            />
          </label>
          <label>
            To{' '}
            <input
              type="datetime-local"
              value={toLocalInput(filter.to)}
              onChange={(event) => onChange({ ...filter, to: fromLocalInput(event.currentTarget.value, true) })}
            />
          </label>
        </fieldset>
      </MenuButton>
    </div>
  );
}

/** "Outcome", or "Outcome (2)" while two of its boxes are ticked. */
function counted(label: string, ticked: number): string {
  return ticked === 0 ? label : `${label} (${ticked})`;
}
