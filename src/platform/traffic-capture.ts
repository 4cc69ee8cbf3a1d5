import { sanitizeText } from '../core/linq/text.ts';
import { activeProfile, type Settings } from '../core/settings.ts';
import type { BoundedBody } from '../core/traffic/body.ts';
import { devtoolsContent } from '../core/traffic/devtools-content.ts';
import { fnv1a } from '../core/traffic/fnv.ts';
import { mayBeLinqTraffic, readHarEntry } from '../core/traffic/har-entry.ts';
import { HarEntryShape, type HarEntry } from '../core/traffic/har-shape.ts';
import { LINQ_API_HOST, linqHosts, type LinqHosts } from '../core/traffic/linq-filter.ts';
import { redactUrl } from '../core/traffic/redact.ts';
import { TrafficBuffer } from '../core/traffic/traffic-buffer.ts';
import type { Navigation, TrafficMessage } from '../core/traffic/traffic-messages.ts';
import { URL_MAX } from '../core/traffic/traffic-url.ts';
import { createSettingsStore } from './settings-store.ts';
import type { StorageLike } from './storage-types.ts';
import { openTrafficChannel, type TrafficChannel } from './traffic-channel.ts';

/**
 * The inspected tab's Linq traffic, captured in the DevTools page (which lives as long as DevTools does; the
 * panel loads only when first shown): every finished request, read as a HAR entry, its body fetched only when
 * it may be Linq traffic, kept in a bounded buffer and announced to the panel over the tab's channel.
 */
export interface DevtoolsNetworkLike {
  onRequestFinished: { addListener(listener: (request: unknown) => void): void };
  onNavigated: { addListener(listener: (url: string) => void): void };
  /** What DevTools' Network panel knows of the tab: a HAR log (its `entries` read). */
  getHAR(): Promise<unknown>;
}

export interface CaptureDeps {
  network: DevtoolsNetworkLike;
  openChannel: (onMessage: (message: TrafficMessage) => void) => TrafficChannel;
  /** The hosts that count as Linq's now (they follow the settings). */
  hosts: () => Promise<LinqHosts>;
  now?: () => number;
}

export interface TrafficCapture {
  /** Reads getHAR's entries through the same path (once at a time): requests made before DevTools listened. */
  backfill(): Promise<void>;
  readonly buffer: TrafficBuffer;
}

/** A body that does not come is not waited for forever (a request DevTools has already dropped). */
const CONTENT_TIMEOUT_MS = 10_000;
/** A getHAR log is DevTools' own, but still bounded: at most the buffer's worth of requests twice over. */
const BACKFILL_MAX = 20_000;

/**
 * The same id for the same request whichever way it arrives (onRequestFinished, then getHAR's backfill), so
 * the buffer holds it once.
 */
export function pageEntryId(har: HarEntry): string {
  const key = `${har.startedDateTime}\n${har.request.method}\n${har.request.url}\n${har.response.status}`;
  // Two bases make a 64-bit id, enough for one tab's requests.
  return `page-${fnv1a(key)}${fnv1a(key, 0x01000193)}`;
}

type ContentCall = (callback?: (content: unknown, encoding: unknown) => void) => unknown;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * The body through the request's own getContent: Chrome calls back with `(content, encoding)`; the polyfill
 * (which takes no callback) and Firefox resolve a promise of a pair. Undefined when none comes.
 */
function fetchBody(request: object, getContent: ContentCall): Promise<BoundedBody | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (body: BoundedBody | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(body);
    };
    const timer = setTimeout(() => settle(undefined), CONTENT_TIMEOUT_MS);
    const fromPromise = (returned: unknown) => {
      if (isThenable(returned))
        returned.then(
          (pair) => settle(devtoolsContent(pair)),
          () => settle(undefined),
        );
    };
    try {
      fromPromise(getContent.call(request, (content, encoding) => settle(devtoolsContent(content, encoding))));
    } catch {
      // The polyfill's wrapper refuses a callback argument: ask for its promise.
      try {
        fromPromise(getContent.call(request));
      } catch {
        settle(undefined);
      }
    }
  });
}

function contentCallOf(raw: unknown): ContentCall | undefined {
  const getContent = typeof raw === 'object' && raw !== null ? (raw as { getContent?: unknown }).getContent : undefined;
  return typeof getContent === 'function' ? (getContent as ContentCall) : undefined;
}

/** A navigation's URL as it may be shown: bounded, redacted and escaped, like an entry's. */
function shownUrl(url: string): string {
  return sanitizeText(redactUrl(url.slice(0, URL_MAX)), URL_MAX);
}

function harEntriesOf(log: unknown): unknown[] {
  const entries = typeof log === 'object' && log !== null ? (log as { entries?: unknown }).entries : undefined;
  return Array.isArray(entries) ? entries.slice(0, BACKFILL_MAX) : [];
}

/** Registers its listeners at once (call it at the top level of the DevTools page, before any await). */
export function createTrafficCapture(deps: CaptureDeps): TrafficCapture {
  const buffer = new TrafficBuffer();
  const now = deps.now ?? Date.now;

  /** Requests that started before the operator's last Clear stay cleared when getHAR brings them again. */
  let clearedAt = Number.NEGATIVE_INFINITY;

  /** `held`: ids already in the buffer, whose bodies a backfill need not fetch again. */
  async function take(raw: unknown, held?: ReadonlySet<string>): Promise<void> {
    const parsed = HarEntryShape.safeParse(raw);
    if (!parsed.success) return;
    const har = parsed.data;
    const id = pageEntryId(har);
    if (held && (held.has(id) || Date.parse(har.startedDateTime) < clearedAt)) return;
    const hosts = await deps.hosts();
    // Most requests stop here, their bodies never read.
    if (!mayBeLinqTraffic(har, hosts)) return;
    const getContent = contentCallOf(raw);
    const fetched = getContent && (await fetchBody(raw as object, getContent));
    const read = readHarEntry(har, id, { kind: 'page' }, hosts, fetched);
    if (read.kind === 'kept' && buffer.add(read.entry)) channel.post({ type: 'traffic.entry', entry: read.entry });
  }

  let running: Promise<void> | undefined;
  function backfill(): Promise<void> {
    running ??= (async () => {
      try {
        const log = await deps.network.getHAR();
        const held = new Set(buffer.entries.map((entry) => entry.id));
        // One at a time: a long log does not ask DevTools for hundreds of bodies at once.
        for (const raw of harEntriesOf(log)) await take(raw, held).catch(() => undefined);
      } catch {
        // No log (DevTools is closing): what onRequestFinished brought stays.
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  const channel = deps.openChannel((message) => {
    if (message.type === 'traffic.snapshot.request') {
      void backfill().then(() =>
        channel.post({ type: 'traffic.snapshot', entries: [...buffer.entries], navigations: [...buffer.navigations] }),
      );
    } else if (message.type === 'traffic.clear') {
      buffer.clear();
      clearedAt = now();
    }
  });

  deps.network.onRequestFinished.addListener((request) => void take(request).catch(() => undefined));
  deps.network.onNavigated.addListener((url) => {
    const navigation: Navigation = { url: shownUrl(typeof url === 'string' ? url : ''), at: now() };
    buffer.navigated(navigation);
    channel.post({ type: 'traffic.navigated', navigation });
  });
  return { backfill, buffer };
}

/**
 * Linq's host, the active environment's when it is another (a staging proxy, the mock), and the hosts the
 * operator added in settings. Only the active environment's: the built-in Local mock (127.0.0.1:4010) and any
 * environment not in use would otherwise make that host's every request "Linq traffic".
 */
export function hostsFromSettings(settings: Settings): LinqHosts {
  let host: string | undefined;
  try {
    host = new URL(activeProfile(settings).baseUrl).host.toLowerCase();
  } catch {
    host = undefined;
  }
  return linqHosts([...(host && host !== LINQ_API_HOST ? [host] : []), ...settings.trafficHosts]);
}

interface ChromeDevtoolsNetwork {
  onRequestFinished: DevtoolsNetworkLike['onRequestFinished'];
  onNavigated: DevtoolsNetworkLike['onNavigated'];
  getHAR(callback: (log: unknown) => void): void;
}

/** The DevTools page's capture, on Chrome's own devtools.network (getHAR is not in the polyfill's metadata). */
export function captureInspectedPage(): TrafficCapture {
  const network = chrome.devtools.network as unknown as ChromeDevtoolsNetwork;
  const tabId = chrome.devtools.inspectedWindow.tabId;
  let hosts: Promise<LinqHosts> = Promise.resolve(linqHosts());
  // A DevTools page may be given only part of the extension API: without storage, Linq's own host is enough.
  const storage = (chrome as { storage?: unknown }).storage as StorageLike | undefined;
  if (storage) {
    const settings = createSettingsStore(storage);
    hosts = settings.load().then(hostsFromSettings, () => linqHosts());
    settings.onChange((changed) => (hosts = Promise.resolve(hostsFromSettings(changed))));
  }
  return createTrafficCapture({
    network: {
      onRequestFinished: network.onRequestFinished,
      onNavigated: network.onNavigated,
      getHAR: () => new Promise((resolve) => network.getHAR(resolve)),
    },
    openChannel: (onMessage) => openTrafficChannel(tabId, onMessage),
    hosts: () => hosts,
  });
}
