import { checkHost, type Check } from './settings-rules.ts';
import { TRAFFIC_HOSTS_MAX } from './traffic-hosts-stored.ts';

export { TRAFFIC_HOSTS_MAX };

/**
 * The operator's own hosts for Page traffic capture: what they type into the setting, read as a list of `host`
 * or `host:port` entries. A pasted http(s) URL counts as its host (and port); a host followed by a path is
 * refused, since capture goes by host and a path would look as if it narrowed it.
 */
export const HOST_NAME_MAX = 253;
/** What the field accepts at most: 20 of the longest entries with room for separators. */
export const TRAFFIC_HOSTS_INPUT_MAX = 8000;

/** Commas and ASCII white space separate entries. Any other space (no-break, zero-width…) is inside one. */
const SEPARATORS = /[,\t\n\v\f\r ]+/;
const OTHER_SPACE = /[\s\u200b-\u200d\u2060\ufeff]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/** `[IPv6]` or a name, then perhaps `:port`; a bracket anywhere else is no host. */
const HOST_AND_PORT = /^(\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/;

/** An entry as its message quotes it: bounded, so a pasted page cannot fill the field's message. */
const quoted = (entry: string) => `"${entry.length > 64 ? `${entry.slice(0, 64)}…` : entry}"`;

/** One entry, already split from the others: its lower-case `host` or `host:port`, or why it is refused. */
export function checkTrafficHost(entry: string): Check<string> {
  const shown = quoted(entry);
  if (OTHER_SPACE.test(entry)) {
    return {
      ok: false,
      reason: `${shown} has a space inside (a no-break or zero-width space, often pasted from a document): retype it.`,
    };
  }
  const scheme = SCHEME.exec(entry)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme !== 'http' && scheme !== 'https')
      return { ok: false, reason: `${shown} is a ${scheme}: address. Enter a host, or an http or https URL.` };
    let host: string;
    try {
      host = new URL(entry).host;
    } catch {
      return { ok: false, reason: `${shown} is not a valid URL. Enter a host such as staging.example.com.` };
    }
    // The URL parser wrote the host in lower case, international names in their xn-- form.
    return checkTrafficHost(host);
  }
  // A backslash is a path separator to the URL parser: "host\\api" would silently become "host".
  const pathAt = entry.search(/[/\\?#]/);
  if (pathAt >= 0) {
    return {
      ok: false,
      reason:
        `${shown} has a path: enter the host alone (${quoted(entry.slice(0, pathAt))}). ` +
        'Every request to that host is captured, whatever its path.',
    };
  }
  if (entry.includes('*'))
    return { ok: false, reason: `${shown}: wildcards are not allowed. Enter each host, such as staging.example.com.` };
  if (entry.includes('@')) return { ok: false, reason: `${shown}: remove the user name ("…@"); enter the host alone.` };
  if (!entry.startsWith('[') && (entry.match(/:/g)?.length ?? 0) > 1)
    return { ok: false, reason: `${shown}: write an IPv6 address in brackets, such as [::1]:8080.` };
  const match = HOST_AND_PORT.exec(entry);
  // Percent-escapes would be decoded by the URL parser into another host than the one typed.
  if (!match || /[%<>^|"'`{}]/.test(entry)) return { ok: false, reason: `${shown} is not a host name or IP address.` };
  const [, hostPart = '', port] = match;
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    return { ok: false, reason: `${shown} has a bad port ("${port}"): a port is a number from 1 to 65535.` };
  if (hostPart === '') return { ok: false, reason: `${shown} has no host name before the port.` };
  if (hostPart.length > HOST_NAME_MAX) {
    return {
      ok: false,
      reason: `${shown} is too long: ${hostPart.length} characters, a host name has at most ${HOST_NAME_MAX}.`,
    };
  }
  let hostname: string;
  try {
    hostname = new URL(`http://${hostPart}`).hostname;
  } catch {
    return { ok: false, reason: `${shown} is not a host name or IP address.` };
  }
  const host = checkHost(hostname);
  if (!host.ok) return host;
  return { ok: true, value: port === undefined ? host.value : `${host.value}:${Number(port)}` };
}

/**
 * What the operator typed: entries separated by commas, spaces or new lines, each checked, duplicates dropped
 * (after lower-casing, so `X.com` and `https://x.com/api` are one). Empty input is an empty list. The first
 * refused entry is named, with its place when there are several.
 */
export function checkTrafficHosts(input: string): Check<string[]> {
  if (input.length > TRAFFIC_HOSTS_INPUT_MAX) {
    return {
      ok: false,
      reason: `This is too long: ${input.length} characters, at most ${TRAFFIC_HOSTS_INPUT_MAX}. Enter up to ${TRAFFIC_HOSTS_MAX} hosts.`,
    };
  }
  const entries = input.split(SEPARATORS).filter((entry) => entry !== '');
  const hosts = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const checked = checkTrafficHost(entry);
    if (!checked.ok) {
      const place = entries.length > 1 ? `Entry ${index + 1} of ${entries.length}: ` : '';
      return { ok: false, reason: `${place}${checked.reason}` };
    }
    hosts.add(checked.value);
  }
  if (hosts.size > TRAFFIC_HOSTS_MAX) {
    return {
      ok: false,
      reason: `That is ${hosts.size} hosts; at most ${TRAFFIC_HOSTS_MAX}. Linq's host and the active environment's need no entry.`,
    };
  }
  return { ok: true, value: [...hosts] };
}
