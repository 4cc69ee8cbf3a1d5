import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import type { RecentHistoryCopy } from '../core/recent-history.ts';
import type { InspectorClient } from './client.ts';

export interface InitialValues {
  settings: Settings;
  apiKey: string;
  recent?: RecentHistoryCopy;
}

/**
 * Renders its children only once the stored settings and key are in, so nothing the operator types in the
 * first milliseconds is overwritten by values arriving late.
 */
export function Loader(props: { client: InspectorClient; children(initial: InitialValues): ComponentChildren }) {
  const [initial, setInitial] = useState<InitialValues>();
  const [loadError, setLoadError] = useState<string>();
  // A layout effect runs as soon as the first render is committed; a plain effect would wait for a frame.
  useLayoutEffect(() => {
    props.client.loadInitial().then(setInitial,
      (error: unknown) => setLoadError(`Settings could not be read: ${String(error)}`),
    );
  }, [props.client]);
  if (loadError) return <p role="alert">{loadError}</p>;
  if (!initial) return <p class="loading">Loading…</p>;
  return <>{props.children(initial)}</>;
}
