import { firstPaintText, readFirstPaint, type FirstPaint } from '../core/first-paint.ts';

/** The popup's first-paint copy: localStorage, the one store an extension page can read synchronously. */
export const FIRST_PAINT_KEY = 'linq.popup.first-paint';

/**
 * localStorage may be unavailable or full; the popup then simply waits for the stored settings, as it would
 * on its very first opening.
 */
export const firstPaintStore = {
  read(): FirstPaint | undefined {
    try {
      return readFirstPaint(localStorage.getItem(FIRST_PAINT_KEY));
    } catch {
      return undefined;
    }
  },
  write(value: FirstPaint): void {
    try {
      localStorage.setItem(FIRST_PAINT_KEY, firstPaintText(value));
    } catch {
      // Not kept this time: the next popup waits for storage instead.
    }
  },
  /** After the history is cleared, no copy may show the entries again, even for a moment. */
  forgetEntries(): void {
    const current = firstPaintStore.read();
    if (current) firstPaintStore.write({ ...current, recent: { entries: [], total: 0 } });
  },
};
