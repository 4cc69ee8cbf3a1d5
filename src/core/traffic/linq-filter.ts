import { BODY_PREVIEW_MAX } from '../linq/body-limit.ts';
import { parseJson, readEnvelope } from '../linq/envelope.ts';
import type { BoundedBody } from './body.ts';

/**
 * Which captured requests are Linq traffic: any request to a Linq API host (api.linqapp.com, or one the
 * operator added, such as a staging proxy), and any other whose answer is a Linq error envelope, which a
 * partner's own backend may pass through. Cheapest first: the host, the status, the MIME type, and only then
 * the body, parsed only when within the preview bound.
 */
export const LINQ_API_HOST = 'api.linqapp.com';

/** Lower-case hosts (with a port when one was given) that count as the Linq API. */
export type LinqHosts = ReadonlySet<string>;

export function linqHosts(operatorHosts: readonly string[] = []): LinqHosts {
  const hosts = operatorHosts.map((host) => host.trim().toLowerCase()).filter((host) => host !== '');
  return new Set([LINQ_API_HOST, ...hosts]);
}

/** `host` as a URL gives it (may have a port); `hostname` without the port. */
export function isLinqHost(host: string, hostname: string, hosts: LinqHosts): boolean {
  return hosts.has(host.toLowerCase()) || hosts.has(hostname.toLowerCase());
}

/** Linq answers errors with a 4xx or 5xx; a 2xx or 3xx from another host is never its error. */
export function mayBeLinqErrorStatus(status: number): boolean {
  return status >= 400 && status <= 599;
}

/** JSON of any flavour (application/json, problem+json, text/json…), or no type given. */
export function mayBeJsonType(mimeType: string | undefined): boolean {
  const type = mimeType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || type === 'x-unknown') return true;
  return /^[a-z]+\/([\w.-]+\+)?json$/.test(type);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True when the body is a whole Linq error envelope as Linq writes it: `success: false` and a numeric
 * `error.code` (stricter than the decoder, which also reads a code sent as a digit string: on a host that is
 * not Linq's, a looser shape would keep other APIs' errors). A cut body is not parsed: it could not be whole.
 */
export function isLinqEnvelopeBody(body: BoundedBody): boolean {
  if (body.truncated || body.text.length > BODY_PREVIEW_MAX || body.text === '') return false;
  const json = parseJson(body.text);
  if (!isRecord(json) || json.success !== false || !isRecord(json.error)) return false;
  return typeof json.error.code === 'number' && readEnvelope(json) !== undefined;
}

export interface TrafficCandidate {
  host: string;
  hostname: string;
  status: number;
  mimeType: string | undefined;
  /** Called only when the cheaper checks leave the answer open: the body, already bounded. */
  body: () => BoundedBody;
}

export function isLinqTraffic(candidate: TrafficCandidate, hosts: LinqHosts): boolean {
  if (isLinqHost(candidate.host, candidate.hostname, hosts)) return true;
  if (!mayBeLinqErrorStatus(candidate.status) || !mayBeJsonType(candidate.mimeType)) return false;
  return isLinqEnvelopeBody(candidate.body());
}
