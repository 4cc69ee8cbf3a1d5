import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import { COLUMNS } from './RequestRow.tsx';
import { useScrollViewport } from '../useScrollViewport.ts';

/** One line per entry (CSS .virtual-row matches it). */
export const ROW_HEIGHT = 24;
/** The sticky column header above the rows (CSS .table-head matches it). */
export const HEADER_HEIGHT = 24;
// Rows rendered beyond each edge: enough for a wheel step, few enough that a jump builds little.
const OVERSCAN = 4;

export interface RequestTableProps<T> {
  items: readonly T[];
  keyOf(item: T): string;
  renderRow(item: T): ComponentChildren;
  /** A row's accessible name, when its content alone would not say it well; else its text names it. */
  labelOf?(item: T): string | undefined;
  /** Told which items are on screen (plus a margin), e.g. to fetch their details. */
  onVisible?(items: readonly T[]): void;
  selectedId?: string;
  /** ↑/↓, Home/End, PageUp/PageDown, or a click. */
  onSelect(id: string): void;
  /** Enter, or a click: show the details of this row. */
  onOpen(id: string): void;
  label: string;
  /** The column header's names, in order: the Requests table's unless a view has its own. */
  columns?: readonly string[];
}

/** The option's element id, for aria-activedescendant. */
export const optionId = (key: string) => `entry-${key}`;

/**
 * The request table: a listbox whose options are the rows (the focus stays on the list and
 * aria-activedescendant names the selected row, so a screen reader reads it as the selection moves). Only
 * the rows in view are rendered, so 50,000 entries scroll as smoothly as 50; aria-setsize/aria-posinset keep
 * the whole size known.
 */
export function RequestTable<T>(props: RequestTableProps<T>) {
  const { scroller, scrollTop, setScrollTop, viewport } = useScrollViewport();
  const { items, keyOf, selectedId } = props;

  // Once per change of list or selection, not on every scroll frame: at 50,000 rows the search is not free.
  const selectedIndex = useMemo(
    () => (selectedId === undefined ? -1 : items.findIndex((item) => keyOf(item) === selectedId)),
    [items, selectedId],
  );

  // A selection moved by the keyboard (or a new result) is scrolled into view. The position and height are the
  // ones kept in state: reading the element's own would force a layout in the middle of every commit.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    const visibleRows = Math.max(ROW_HEIGHT, viewport - HEADER_HEIGHT);
    let next = scrollTop;
    if (top < scrollTop) next = top;
    else if (top + ROW_HEIGHT > scrollTop + visibleRows) next = top + ROW_HEIGHT - visibleRows;
    if (next === scrollTop) return;
    element.scrollTop = next;
    setScrollTop(next);
  }, [selectedId, selectedIndex]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const visible = items.slice(first, last);

  useEffect(() => {
    props.onVisible?.(visible);
    // The visible slice is identified by its bounds and the list it came from.
  }, [first, last, items]);

  const move = (to: number) => {
    if (items.length === 0) return;
    const index = Math.min(items.length - 1, Math.max(0, to));
    props.onSelect(keyOf(items[index]!));
  };
  const page = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = selectedIndex;
    const steps: Record<string, () => void> = {
      ArrowDown: () => move(at < 0 ? 0 : at + 1),
      ArrowUp: () => move(at < 0 ? 0 : at - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Enter: () => (at < 0 ? move(0) : props.onOpen(keyOf(items[at]!))),
    };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    step();
  };
  const activeShown = selectedIndex >= first && selectedIndex < last;

  return (
    <div class="virtual-scroll" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div class="table-head request-cols" aria-hidden="true">
        {(props.columns ?? COLUMNS).map((column) => (
          <span key={column}>{column}</span>
        ))}
      </div>
      <ol
        class="history-list virtual"
        role="listbox"
        tabIndex={0}
        aria-label={props.label}
        aria-activedescendant={activeShown && selectedId !== undefined ? optionId(selectedId) : undefined}
        style={{ height: `${items.length * ROW_HEIGHT}px` }}
        onKeyDown={onKeyDown}
      >
        {visible.map((item, offset) => {
          const index = first + offset;
          const key = keyOf(item);
          return (
            <li
              key={key}
              id={optionId(key)}
              role="option"
              class="virtual-row"
              aria-selected={key === selectedId}
              aria-label={props.labelOf?.(item)}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{ top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
              onClick={() => {
                props.onSelect(key);
                props.onOpen(key);
              }}
            >
              {props.renderRow(item)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
