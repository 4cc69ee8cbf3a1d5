import type { Page } from 'playwright-core';

export interface ScrollRun {
  frames: number;
  elapsedMs: number;
  fps: number;
  longTasks: number;
  longTaskMs: number;
  scrollHeight: number;
  /** Rows still showing "Loading…" half a second after reaching the bottom (should be 0). */
  placeholdersAtEnd: number;
}

/**
 * In the panel: scrolls `.virtual-scroll` from top to bottom in `steps` equal steps, one per animation frame,
 * counting frames and long tasks (PerformanceObserver 'longtask').
 */
async function scrollInPage({ steps }: { steps: number }): Promise<ScrollRun> {
  const scroller = document.querySelector<HTMLElement>('.virtual-scroll');
  if (!scroller) throw new Error('panel: .virtual-scroll missing');
  scroller.scrollTop = 0;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const bottom = scroller.scrollHeight - scroller.clientHeight;
  const step = bottom / steps;
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let frames = 0;
  const started = performance.now();
  while (scroller.scrollTop < bottom - 1) {
    scroller.scrollTop = Math.min(bottom, scroller.scrollTop + step);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    frames += 1;
    if (frames > steps * 3) break;
  }
  const elapsedMs = performance.now() - started;
  // Long tasks are reported after they end; give the last ones time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 500));
  observer.disconnect();
  return {
    frames,
    elapsedMs,
    fps: (frames / elapsedMs) * 1000,
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((sum, duration) => sum + duration, 0),
    scrollHeight: scroller.scrollHeight,
    placeholdersAtEnd: document.querySelectorAll('.virtual-row .placeholder').length,
  };
}

export async function scrollOnce(panel: Page, steps: number): Promise<ScrollRun> {
  await panel.bringToFront();
  return panel.evaluate(scrollInPage, { steps });
}
