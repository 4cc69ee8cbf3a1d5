import type { CodeFamily, EntryKind, HistoryFilter } from '../../core/history-filter.ts';
import { KIND_LABEL } from '../format.ts';

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

export function HistoryFilters({ filter, onChange }: { filter: HistoryFilter; onChange(filter: HistoryFilter): void }) {
  return (
    <div class="filters">
      <div class="field search">
        <label for="history-search">Search history</label>
        <input
          id="history-search"
          type="search"
          value={filter.text}
          placeholder="Chat ID, code, trace ID, status or message"
          onInput={(event) => onChange({ ...filter, text: event.currentTarget.value })}
        />
      </div>
      <fieldset>
        <legend>Outcome</legend>
        {KINDS.map((kind) => (
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
    </div>
  );
}
