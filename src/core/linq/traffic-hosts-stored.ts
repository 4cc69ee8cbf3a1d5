/**
 * The stored list of the operator's Page traffic hosts, apart from the rules that check what they type
 * (traffic-hosts.ts): settings.ts reads this in every view's first load, and a module shared with the settings
 * fields' lazy chunk would bring all of those rules into the popup's first load too.
 */
export const TRAFFIC_HOSTS_MAX = 20;

/** A stored host as checkTrafficHost writes one: only these characters, bounded. */
const STORED_HOST = /^[a-z0-9.:[\]-]{1,259}$/;

/**
 * The stored list, repaired (storage is written through this too): strings of a host's shape only, once each,
 * at most 20. Cheaper than the full check, which the field applies before anything is saved: this runs in
 * every view's first load.
 */
export function trafficHostsFrom(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  const hosts = stored.filter((host): host is string => typeof host === 'string' && STORED_HOST.test(host));
  return [...new Set(hosts)].slice(0, TRAFFIC_HOSTS_MAX);
}
