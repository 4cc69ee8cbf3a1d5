import { useEffect, useRef, useState } from 'preact/hooks';

/** A scrolling element's scroll position and visible height, kept up to date as it resizes (virtual lists). */
export function useScrollViewport() {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const measure = () => setViewport(element.clientHeight || 600);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { scroller, scrollTop, setScrollTop, viewport };
}
