import { useEffect, useState } from 'preact/hooks';
import type { TrafficClient, TrafficState } from './traffic-client.ts';

const NOTHING_YET: TrafficState = { entries: [], navigations: [], capturing: true };

/** The Page traffic state, as the client last told it (it tells at once on subscribing). */
export function useTraffic(traffic: TrafficClient): TrafficState {
  const [state, setState] = useState<TrafficState>(NOTHING_YET);
  useEffect(() => traffic.subscribe(setState), [traffic]);
  return state;
}
