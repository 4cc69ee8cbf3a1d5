import { redactBearerTokens, redactUrl } from './redact.ts';
import { sanitizeText } from '../linq/text.ts';

/** How much of a captured URL is kept and shown; a data: URL can be megabytes. */
export const URL_MAX = 4096;
const PATH_MAX = 1024;

/** Where a request went, as the filter needs it: parsed, not yet redacted. */
export interface TrafficHost {
  /** As the URL parser writes it, with a port when not the default. */
  host: string;
  hostname: string;
  pathname: string;
  /** The URL as captured. */
  rawUrl: string;
}

/** Where a kept request went, as it may be shown. */
export interface TrafficTarget {
  host: string;
  /** The path alone, redacted and escaped. */
  path: string;
  /** The whole URL, redacted, escaped and bounded. */
  url: string;
}

/** Text cut to `max` before the work on it, then marked as cut. */
function shown(value: string, max: number, redact: (text: string) => string): string {
  const text = sanitizeText(redact(value.slice(0, max)), max);
  return value.length > max && !text.endsWith('…') ? `${text}…` : text;
}

/** Where a captured request went, or undefined when its URL is not a URL. Only the head is parsed. */
export function trafficHost(rawUrl: string): TrafficHost | undefined {
  let parsed: URL;
  try {
    parsed = new URL(rawUrl.slice(0, URL_MAX));
  } catch {
    return undefined;
  }
  return { host: parsed.host, hostname: parsed.hostname, pathname: parsed.pathname, rawUrl };
}

/** Redacted only once a request is kept: most captured requests are not. */
export function trafficTarget(where: TrafficHost): TrafficTarget {
  return {
    host: where.host,
    path: shown(where.pathname, PATH_MAX, redactBearerTokens),
    url: shown(where.rawUrl, URL_MAX, redactUrl),
  };
}
