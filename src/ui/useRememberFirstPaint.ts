import { useEffect } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import type { Settings } from '../core/settings.ts';
import type { InspectorClient } from './client.ts';

/**
 * Keeps the first-paint copy (the settings and the newest entries) for the next opening of either view: the
 * popup and the panel share it, so a panel opened by someone who never opens the popup still paints its rows
 * in its first frame. Written once this view shows stored values and knows the count (`entries` and `total`
 * given), in an effect, after the frame, so it costs the opening nothing.
 */
export function useRememberFirstPaint(
  client: InspectorClient,
  storedValuesShown: boolean,
  settings: Settings,
  entries: HistoryEntry[] | undefined,
  total: number | undefined,
): void {
  useEffect(() => {
    if (storedValuesShown && entries !== undefined && total !== undefined)
      client.rememberFirstPaint({ settings, recent: { entries, total } });
  }, [client, storedValuesShown, settings, entries, total]);
}
