import type { TrafficClient } from '../ui/traffic-client.ts';

/**
 * The Page traffic client with its code (readHar, the channel's zod schemas) loaded on first use: the panel's
 * first paint (the Requests view) needs none of it. The view subscribes when it first opens, so that is when
 * it loads (a panel's first load went from 25.6 to 45.7 KB gzip, with zod, when it was imported at once).
 */
export function lazyTrafficClient(): TrafficClient {
  let client: Promise<TrafficClient> | undefined;
  const load = () => (client ??= import('./traffic-client.ts').then((module) => module.createTrafficClient()));
  return {
    subscribe(listener) {
      let unsubscribe: (() => void) | undefined;
      let gone = false;
      void load().then((loaded) => {
        if (!gone) unsubscribe = loaded.subscribe(listener);
      });
      return () => {
        gone = true;
        unsubscribe?.();
      };
    },
    openHar: async (file) => (await load()).openHar(file),
    clear: () => void load().then((loaded) => loaded.clear()),
  };
}
