import { readRecentHistoryCopy, type RecentHistoryCopy } from './recent-history.ts';
import { settingsFrom, type Settings } from './settings.ts';

/**
 * What the popup showed last time (its settings, never a key, and its newest entries), kept where the next
 * popup can read it synchronously. It paints from this at once and replaces it a few milliseconds later,
 * when the stored settings, the key and the worker's copy of the newest entries arrive.
 */
export interface FirstPaint {
  settings: Settings;
  recent: RecentHistoryCopy;
}

/** The copy as stored: plain JSON. */
export function firstPaintText(value: FirstPaint): string {
  return JSON.stringify({
    settings: value.settings,
    recent: { entries: value.recent.entries, total: value.recent.total },
  });
}

/** Reads a stored copy back; anything damaged or from another version is ignored, never shown. */
export function readFirstPaint(text: string | null): FirstPaint | undefined {
  if (!text) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof stored !== 'object' || stored === null || !('settings' in stored) || !('recent' in stored))
    return undefined;
  const recent = readRecentHistoryCopy(stored.recent);
  return recent ? { settings: settingsFrom(stored.settings), recent } : undefined;
}
