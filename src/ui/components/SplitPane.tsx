import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Narrower than this (the panel's own width, not the screen's), the side pane goes below the main one. */
export const WIDE_MIN_PX = 760;
const MIN_SHARE = 0.2;
const MAX_SHARE = 0.8;
const KEY_STEP = 0.05;

const clamp = (share: number) => Math.min(MAX_SHARE, Math.max(MIN_SHARE, share));

export interface SplitPaneProps {
  main: ComponentChildren;
  /** Absent: the main pane takes all the room. */
  side?: ComponentChildren;
  /** The separator's name, e.g. "Resize details". */
  separatorLabel: string;
}

/**
 * Two panes, side by side when the container is wide and stacked when it is narrow, with a separator that
 * resizes them by pointer or by arrow keys. Each pane scrolls on its own.
 */
export function SplitPane({ main, side, separatorLabel }: SplitPaneProps) {
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(true);
  // The side pane's share of the container, kept per orientation.
  const [shares, setShares] = useState({ wide: 0.45, narrow: 0.45 });
  const share = wide ? shares.wide : shares.narrow;
  const setShare = (next: number) => setShares((current) => ({ ...current, [wide ? 'wide' : 'narrow']: clamp(next) }));

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const measure = () => setWide((element.clientWidth || WIDE_MIN_PX) >= WIDE_MIN_PX);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const shareAt = (event: PointerEvent) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return share;
    return wide ? (rect.right - event.clientX) / rect.width : (rect.bottom - event.clientY) / rect.height;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const grow = wide ? 'ArrowLeft' : 'ArrowUp';
    const shrink = wide ? 'ArrowRight' : 'ArrowDown';
    if (event.key !== grow && event.key !== shrink) return;
    event.preventDefault();
    setShare(share + (event.key === grow ? KEY_STEP : -KEY_STEP));
  };
  const percent = Math.round(share * 100);

  return (
    <div class={`split ${wide ? 'wide' : 'narrow'}`} ref={box}>
      <div class="split-main">{main}</div>
      {side ? (
        <>
          <div
            class="splitter"
            role="separator"
            tabIndex={0}
            aria-label={separatorLabel}
            aria-orientation={wide ? 'vertical' : 'horizontal'}
            aria-valuemin={MIN_SHARE * 100}
            aria-valuemax={MAX_SHARE * 100}
            aria-valuenow={percent}
            onKeyDown={onKeyDown}
            onPointerDown={(event) => {
              event.preventDefault();
              event.currentTarget.setPointerCapture(event.pointerId);
            }}
            onPointerMove={(event) => {
              if (event.currentTarget.hasPointerCapture(event.pointerId)) setShare(shareAt(event));
            }}
          />
          <div class="split-side" style={wide ? { width: `${percent}%` } : { height: `${percent}%` }}>
            {side}
          </div>
        </>
      ) : null}
    </div>
  );
}
