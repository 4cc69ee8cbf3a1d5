import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { linqHosts } from '../../src/core/traffic/linq-filter.ts';
import { trafficChannelName, type TrafficMessage } from '../../src/core/traffic/traffic-messages.ts';
import {
  createTrafficCapture,
  hostsFromSettings,
  pageEntryId,
  type DevtoolsNetworkLike,
  type TrafficCapture,
} from '../../src/platform/traffic-capture.ts';
import { createTrafficClient } from '../../src/platform/traffic-client.ts';
import { openTrafficChannel } from '../../src/platform/traffic-channel.ts';
import { HarEntryShape } from '../../src/core/traffic/har-shape.ts';
import type { TrafficState } from '../../src/ui/traffic-client.ts';

const KEY = 'sk_live_capturekey_8e21f0';
const ENVELOPE_2005 = '{"success":false,"error":{"status":403,"code":2005,"message":"Access denied"},"trace_id":"t-5"}';
const ENVELOPE_1002 = '{"success":false,"error":{"status":400,"code":1002,"message":"Invalid request"}}';

interface FakeRequest {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; headers: Array<{ name: string; value: string }> };
  response: {
    status: number;
    statusText: string;
    headers: Array<{ name: string; value: string }>;
    content: { mimeType: string; size: number; text?: string };
  };
  getContent?: (...args: unknown[]) => unknown;
}

let bodyReads = 0;

/** A request as Chrome's onRequestFinished gives it: no body, getContent with a callback. */
function chromeRequest(at: string, url: string, status: number, mimeType: string, body: string): FakeRequest {
  return {
    startedDateTime: at,
    time: 12,
    request: { method: 'DELETE', url, headers: [{ name: 'Authorization', value: `Bearer ${KEY}` }] },
    response: { status, statusText: '', headers: [], content: { mimeType, size: body.length } },
    getContent(callback) {
      bodyReads += 1;
      (callback as (content: string, encoding: string) => void)(body, '');
    },
  };
}

/** As the polyfill wraps it: no callback allowed, a promise of [content, encoding]. */
function polyfillRequest(at: string, url: string, status: number, body: string): FakeRequest {
  return {
    ...chromeRequest(at, url, status, 'application/json', body),
    getContent(...args) {
      if (args.length > 0) throw new Error('Expected at most 0 arguments for getContent(), got 1');
      bodyReads += 1;
      return Promise.resolve([body, '']);
    },
  };
}

class FakeNetwork implements DevtoolsNetworkLike {
  finished: Array<(request: unknown) => void> = [];
  navigated: Array<(url: string) => void> = [];
  har: unknown[] = [];
  harCalls = 0;
  onRequestFinished = { addListener: (listener: (request: unknown) => void) => void this.finished.push(listener) };
  onNavigated = { addListener: (listener: (url: string) => void) => void this.navigated.push(listener) };
  getHAR() {
    this.harCalls += 1;
    return Promise.resolve({ version: '1.2', entries: this.har });
  }
  finish(request: unknown) {
    for (const listener of this.finished) listener(request);
  }
  navigate(url: string) {
    for (const listener of this.navigated) listener(url);
  }
}

let tabSeq = 9_000;
let clock = 1_000;
const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const channel of opened.splice(0)) channel.close();
  bodyReads = 0;
  clock = 1_000;
});

interface Setup {
  network: FakeNetwork;
  capture: TrafficCapture;
  tabId: number;
  /** What the panel's side of the channel heard, raw. */
  heard: unknown[];
  /** Posts raw data on the tab's channel, as another page would. */
  send(data: unknown): void;
}

function setUp(): Setup {
  const tabId = (tabSeq += 1);
  const network = new FakeNetwork();
  const capture = createTrafficCapture({
    network,
    openChannel: (onMessage) => {
      const channel = openTrafficChannel(tabId, onMessage);
      opened.push(channel);
      return channel;
    },
    hosts: () => Promise.resolve(linqHosts()),
    now: () => clock,
  });
  const panelSide = new BroadcastChannel(trafficChannelName(tabId));
  opened.push(panelSide);
  const heard: unknown[] = [];
  panelSide.onmessage = (event: MessageEvent) => heard.push(event.data);
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
  return { network, capture, tabId, heard, send: (data) => panelSide.postMessage(data) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await settle();
  expect(check()).toBe(true);
}

const ofType = <T extends TrafficMessage['type']>(heard: unknown[], type: T) =>
  heard.filter((data): data is Extract<TrafficMessage, { type: T }> => (data as { type?: unknown }).type === type);

const T1 = '2026-12-02T07:00:01.000Z';
const T2 = '2026-12-02T07:00:02.000Z';

describe('the DevTools page capture', () => {
  it('drops a request that cannot be Linq traffic without reading its body', async () => {
    const { network, capture, heard } = setUp();
    network.finish(chromeRequest(T1, 'https://partner.example/app.js', 200, 'text/javascript', 'var x;'));
    network.finish(chromeRequest(T1, 'https://partner.example/page', 500, 'text/html', '<h1>oops</h1>'));
    network.finish({ not: 'a HAR entry' });
    await settle();
    expect(bodyReads).toBe(0);
    expect(capture.buffer.entries).toHaveLength(0);
    expect(heard).toHaveLength(0);
  });

  it('keeps a Linq envelope read through getContent, redacted, and announces it', async () => {
    const { network, capture, heard } = setUp();
    network.finish(
      chromeRequest(T1, 'http://127.0.0.1:4010/v3/chats/c/typing', 403, 'application/json', ENVELOPE_2005),
    );
    network.finish(polyfillRequest(T2, 'http://127.0.0.1:4010/v3/chats/d/typing', 400, ENVELOPE_1002));
    network.finish(chromeRequest(T2, 'http://127.0.0.1:4010/api', 403, 'application/json', '{"error":"not linq"}'));
    await until(() => ofType(heard, 'traffic.entry').length === 2);
    expect(bodyReads).toBe(3);
    expect(capture.buffer.entries.map((entry) => entry.outcome.code)).toEqual([1002, 2005]);
    const [first] = ofType(heard, 'traffic.entry');
    expect(first!.entry.source).toEqual({ kind: 'page' });
    expect(first!.entry.outcome.code).toBe(2005);
    expect(first!.entry.traceId).toBe('t-5');
    expect(JSON.stringify(heard)).not.toContain(KEY);
  });

  it('backfills from getHAR without duplicating what onRequestFinished brought', async () => {
    const { network, capture, heard } = setUp();
    const seen = chromeRequest(T1, 'http://127.0.0.1:4010/v3/chats/c/typing', 403, 'application/json', ENVELOPE_2005);
    network.finish(seen);
    await until(() => capture.buffer.entries.length === 1);
    // getHAR's entries: the same request again, and one from before DevTools listened, its body in content.text.
    const { getContent: _, ...earlier } = chromeRequest(
      T2,
      'https://api.linqapp.com/v3/x',
      400,
      'application/json',
      '',
    );
    earlier.response.content.text = ENVELOPE_1002;
    network.har = [{ ...seen }, earlier, 'junk'];
    await capture.backfill();
    await capture.backfill();
    expect(network.harCalls).toBe(2);
    // The request held already is not asked for its body again.
    expect(bodyReads).toBe(1);
    expect(capture.buffer.entries.map((entry) => entry.outcome.code)).toEqual([1002, 2005]);
    await settle();
    expect(ofType(heard, 'traffic.entry')).toHaveLength(2);
  });

  it('gives a request the same id however it arrives, and another request another', () => {
    const one = chromeRequest(T1, 'https://api.linqapp.com/v3/a', 403, 'application/json', '');
    const id = pageEntryId(HarEntryShape.parse(one));
    expect(pageEntryId(HarEntryShape.parse({ ...one, time: 99 }))).toBe(id);
    expect(pageEntryId(HarEntryShape.parse({ ...one, startedDateTime: T2 }))).not.toBe(id);
    expect(id).toMatch(/^page-[0-9a-f]{16}$/);
  });

  it('marks a navigation with its URL redacted', async () => {
    const { network, capture, heard } = setUp();
    network.navigate(`https://partner.example/app?access_token=${KEY}#x`);
    expect(capture.buffer.navigations).toHaveLength(1);
    expect(capture.buffer.navigations[0]!.at).toBe(1_000);
    expect(capture.buffer.navigations[0]!.url).toContain('https://partner.example/app?access_token=');
    await until(() => heard.length === 1);
    expect(ofType(heard, 'traffic.navigated')).toHaveLength(1);
    expect(JSON.stringify(heard)).not.toContain(KEY);
    expect(JSON.stringify(capture.buffer.navigations)).not.toContain(KEY);
  });

  it('answers a snapshot request after a backfill, clears on traffic.clear, and ignores what does not parse', async () => {
    const { network, capture, heard, send } = setUp();
    const earlier = chromeRequest(
      T1,
      'http://127.0.0.1:4010/v3/chats/c/typing',
      403,
      'application/json',
      ENVELOPE_2005,
    );
    network.har = [earlier];
    network.navigate('http://127.0.0.1:4010/demo');
    send({ type: 'traffic.snapshot.request' });
    await until(() => ofType(heard, 'traffic.snapshot').length === 1);
    const [snapshot] = ofType(heard, 'traffic.snapshot');
    expect(snapshot!.entries.map((entry) => entry.outcome.code)).toEqual([2005]);
    expect(snapshot!.navigations.map((navigation) => navigation.url)).toEqual(['http://127.0.0.1:4010/demo']);
    expect(network.harCalls).toBe(1);

    const junk: unknown[] = [null, 'traffic.clear', { type: 'traffic.nuke' }, { kind: 'x' }];
    junk.push(
      { type: 'traffic.entry', entry: { id: 1 } },
      { type: 'traffic.snapshot', entries: 'all', navigations: [] },
    );
    for (const data of junk) send(data);
    await settle();
    expect(capture.buffer.entries).toHaveLength(1);

    clock = Date.parse('2026-12-02T07:00:05.000Z');
    send({ type: 'traffic.clear' });
    await until(() => capture.buffer.entries.length === 0);
    expect(capture.buffer.navigations).toHaveLength(0);
    // getHAR still lists the cleared request: a later backfill does not bring it back, and reads no body for it.
    const reads = bodyReads;
    await capture.backfill();
    expect(capture.buffer.entries).toHaveLength(0);
    expect(bodyReads).toBe(reads);
  });
});

describe('the hosts the capture counts as Linq', () => {
  it('adds the active environment host unless it is api.linqapp.com', () => {
    expect([...hostsFromSettings(DEFAULT_SETTINGS)]).toEqual(['api.linqapp.com']);
    const local = { ...DEFAULT_SETTINGS, activeProfileId: 'local' };
    expect([...hostsFromSettings(local)]).toEqual(['api.linqapp.com', '127.0.0.1:4010']);
  });
});

describe("the panel's traffic client over the channel", () => {
  it('asks for a snapshot, follows entries and navigations, merges newest first, and clears both sides', async () => {
    const { network, capture } = setUp();
    const tabId = tabSeq;
    network.finish(
      chromeRequest(T1, 'http://127.0.0.1:4010/v3/chats/c/typing', 403, 'application/json', ENVELOPE_2005),
    );
    await until(() => capture.buffer.entries.length === 1);

    const client = createTrafficClient({
      tabId,
      openChannel: (id, onMessage) => {
        const channel = openTrafficChannel(id, onMessage);
        opened.push(channel);
        return channel;
      },
    });
    let state: TrafficState | undefined;
    client.subscribe((now) => (state = now));
    expect(state!.capturing).toBe(true);
    await until(() => state!.entries.length === 1);
    // Whatever does not parse is dropped on this side too.
    const rogue = new BroadcastChannel(trafficChannelName(tabId));
    opened.push(rogue);
    for (const data of [
      { type: 'traffic.entry', entry: { id: 'x' } },
      { type: 'traffic.navigated', navigation: { url: 5 } },
    ])
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
      rogue.postMessage(data);
    await settle();
    expect(state!.entries).toHaveLength(1);
    expect(state!.navigations).toHaveLength(0);

    network.finish(polyfillRequest(T2, 'http://127.0.0.1:4010/v3/chats/d/typing', 400, ENVELOPE_1002));
    network.navigate('http://127.0.0.1:4010/demo?again');
    await until(() => state!.entries.length === 2 && state!.navigations.length === 1);
    expect(state!.entries.map((entry) => entry.outcome.code)).toEqual([1002, 2005]);

    client.clear();
    expect(state!.entries).toHaveLength(0);
    await until(() => capture.buffer.entries.length === 0);
  });

  it('without an inspected tab, shows only HAR files and does not capture', () => {
    let state: TrafficState | undefined;
    createTrafficClient({}).subscribe((now) => (state = now));
    expect(state).toEqual({ entries: [], navigations: [], capturing: false });
  });
});
