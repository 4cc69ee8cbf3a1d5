import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useScrollViewport } from '../useScrollViewport.ts';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  keyOf(item: T): string;
  renderRow(item: T, index: number): ComponentChildren;
  /** Told which items are on screen (plus a margin), e.g. to fetch their details. */
  onVisible?(items: readonly T[]): void;
  label: string;
}

const OVERSCAN = 6;

/**
 * A list that renders only the rows in view, so 50,000 entries scroll as smoothly as 50. Rows have one fixed
 * height; each carries aria-setsize/aria-posinset so assistive technology still knows the whole size.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { scroller, scrollTop, setScrollTop, viewport } = useScrollViewport();

  const first = Math.max(0, Math.floor(scrollTop / props.rowHeight) - OVERSCAN);
  const last = Math.min(props.items.length, Math.ceil((scrollTop + viewport) / props.rowHeight) + OVERSCAN);
  const visible = props.items.slice(first, last);

  useEffect(() => {
    props.onVisible?.(visible);
    // The visible slice is identified by its bounds and the list it came from.
  }, [first, last, props.items]);

  return (
    <div class="virtual-scroll" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ol
        class="history-list virtual"
        aria-label={props.label}
        style={{ height: `${props.items.length * props.rowHeight}px` }}
      >
        {visible.map((item, offset) => {
          const index = first + offset;
          return (
            <li
              key={props.keyOf(item)}
              class="virtual-row"
              aria-setsize={props.items.length}
              aria-posinset={index + 1}
              style={{ top: `${index * props.rowHeight}px`, height: `${props.rowHeight}px` }}
            >
              {props.renderRow(item, index)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
