import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import type { RecentHistoryCopy } from '../core/recent-history.ts';
import type { FirstPaint } from '../core/first-paint.ts';
import type { InspectorClient } from './client.ts';

export interface InitialValues {
  settings: Settings;
  apiKey: string;
  recent?: RecentHistoryCopy;
  /**
   * true while these come from the popup's first-paint copy: the key is not known yet, and the stored
   * values replace these when they arrive.
   */
  keyPending?: boolean;
}

/**
 * Renders its children once the stored settings and key are in, so nothing the operator types in the first
 * milliseconds is overwritten by values arriving late. With a first-paint copy (the popup), it renders
 * from that at once and hands the stored values down when they arrive; the children keep what is typed.
 */
export function Loader(props: {
  client: InspectorClient;
  firstPaint?: FirstPaint;
  children(initial: InitialValues): ComponentChildren;
}) {
  const [initial, setInitial] = useState<InitialValues | undefined>(() =>
    props.firstPaint
      ? { settings: props.firstPaint.settings, apiKey: '', recent: props.firstPaint.recent, keyPending: true }
      : undefined,
  );
  const [loadError, setLoadError] = useState<string>();
  // A layout effect runs as soon as the first render is committed; a plain effect would wait for a frame.
  useLayoutEffect(() => {
    props.client
      .loadInitial()
      .then(setInitial, (error: unknown) => setLoadError(`Settings could not be read: ${String(error)}`));
  }, [props.client]);
  if (loadError) return <p role="alert">{loadError}</p>;
  if (!initial) return <p class="loading">Loading…</p>;
  return <>{props.children(initial)}</>;
}
