import { useEffect, useState } from 'preact/hooks';

/**
 * A module loaded the first time `wanted` is true, so what the first paint does not show stays out of the
 * page's first load; undefined until it has arrived.
 */
export function useLazy<T>(load: () => Promise<T>, wanted: boolean): T | undefined {
  const [loaded, setLoaded] = useState<T>();
  useEffect(() => {
    if (wanted && loaded === undefined) void load().then((module) => setLoaded(() => module));
  }, [wanted]);
  return loaded;
}
