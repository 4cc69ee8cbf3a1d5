/**
 * A realistic HAR for the "Open HAR file" bench: a partner's web app session as Chrome saves it, mostly page
 * assets and API calls of its own with big bodies (script, HTML, JSON, base64 images), and one entry in 50 a
 * Linq error, half from api.linqapp.com and half passed through the partner's backend.
 */
const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const STARTED = Date.UTC(2026, 11, 1, 10, 0, 0);

interface Kind {
  url: string;
  method: string;
  status: number;
  mimeType: string;
  /** A body of about `size` characters, when `sized`; else a small fixed one. */
  body: (size: number, index: number) => { text: string; encoding?: 'base64' };
  sized?: true;
}

const filler = (size: number, index: number) =>
  `/* ${index} */ ${'function f(){return 1};'.repeat(Math.ceil(size / 23))}`.slice(0, size);

const LINQ_ERROR: Kind = {
  url: `https://api.linqapp.com/api/partner/v3/chats/${CHAT}/typing`,
  method: 'DELETE',
  status: 403,
  mimeType: 'application/json',
  body: () => ({
    text: JSON.stringify({
      success: false,
      error: {
        status: 403,
        code: 2005,
        message: 'Forbidden',
        doc_url: 'https://docs.linqapp.com/error/codes/2xxx/2005/',
      },
      trace_id: 'trace-2005',
    }),
  }),
};

const PASSED_THROUGH: Kind = {
  url: 'https://backend.partner.example/api/send',
  method: 'POST',
  status: 400,
  mimeType: 'application/json',
  body: () => ({ text: JSON.stringify({ success: false, error: { status: 400, code: 1002, message: 'Bad phone' } }) }),
};

const OTHERS: Kind[] = [
  {
    url: 'https://cdn.partner.example/assets/app.js',
    method: 'GET',
    status: 200,
    mimeType: 'application/javascript',
    sized: true,
    body: (s, i) => ({ text: filler(s, i) }),
  },
  {
    url: 'https://partner.example/inbox',
    method: 'GET',
    status: 200,
    mimeType: 'text/html',
    sized: true,
    body: (s, i) => ({ text: `<!doctype html><p>${filler(s - 20, i)}` }),
  },
  {
    url: 'https://backend.partner.example/api/messages?page=2',
    method: 'GET',
    status: 200,
    mimeType: 'application/json',
    sized: true,
    body: (s, i) => ({ text: JSON.stringify({ messages: [filler(s - 20, i)] }) }),
  },
  {
    url: 'https://cdn.partner.example/img/avatar.png',
    method: 'GET',
    status: 200,
    mimeType: 'image/png',
    sized: true,
    body: (s, i) => ({ text: Buffer.from(filler(Math.floor((s * 3) / 4), i)).toString('base64'), encoding: 'base64' }),
  },
  // A 404 JSON error of another API: reaches the body check.
  {
    url: 'https://api.other.example/v1/thing',
    method: 'GET',
    status: 404,
    mimeType: 'application/json',
    body: () => ({ text: '{"error":"not found"}' }),
  },
];

function kindOf(index: number): Kind {
  if (index % 50 === 0) return LINQ_ERROR;
  if (index % 50 === 25) return PASSED_THROUGH;
  return OTHERS[index % OTHERS.length]!;
}

function entry(index: number, bodySize: number) {
  const kind = kindOf(index);
  const url = new URL(kind.url);
  const body = kind.body(bodySize, index);
  return {
    _initiator: { type: 'script' },
    _priority: 'High',
    _resourceType: 'fetch',
    cache: {},
    connection: String(1000 + (index % 7)),
    pageref: 'page_1',
    request: {
      method: kind.method,
      url: kind.url,
      httpVersion: 'http/2.0',
      headers: [
        { name: ':authority', value: url.host },
        { name: ':method', value: kind.method },
        { name: ':path', value: url.pathname + url.search },
        { name: ':scheme', value: 'https' },
        { name: 'accept', value: '*/*' },
        { name: 'accept-encoding', value: 'gzip, deflate, br' },
        { name: 'authorization', value: 'Bearer sk_live_bench_0123456789' },
        { name: 'cookie', value: 'session=abc; theme=dark' },
        { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0 Safari/537.36' },
      ],
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      cookies: [{ name: 'session', value: 'abc' }],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: kind.status,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: [
        { name: 'content-type', value: kind.mimeType },
        { name: 'date', value: 'Tue, 01 Dec 2026 10:00:00 GMT' },
        { name: 'x-trace-id', value: `trace-${index}` },
        { name: 'cache-control', value: 'no-store' },
      ],
      cookies: [],
      content: {
        size: body.text.length,
        mimeType: kind.mimeType,
        text: body.text,
        ...(body.encoding ? { encoding: body.encoding } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: body.text.length + 300,
      _error: null,
    },
    serverIPAddress: '203.0.113.7',
    startedDateTime: new Date(STARTED + index * 37).toISOString(),
    time: 20 + (index % 300),
    timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 15, receive: 4, _blocked_queueing: 0.6 },
  };
}

/** A HAR of `entries` entries and about `targetBytes` bytes (its bodies sized to fill it). */
export function makeHar(entries: number, targetBytes: number): string {
  // Every entry's size with empty bodies, then what is left shared by the entries whose body is sized.
  const indexes = Array.from({ length: entries }, (_, index) => index);
  const overhead = indexes.reduce((sum, index) => sum + JSON.stringify(entry(index, 0)).length + 1, 0);
  const sized = indexes.filter((index) => kindOf(index).sized).length;
  const bodySize = Math.max(0, Math.floor((targetBytes - overhead) / Math.max(1, sized)));
  const log = {
    version: '1.2',
    creator: { name: 'WebInspector', version: '537.36' },
    pages: [
      {
        startedDateTime: new Date(STARTED).toISOString(),
        id: 'page_1',
        title: 'https://partner.example/',
        pageTimings: {},
      },
    ],
    entries: indexes.map((index) => entry(index, bodySize)),
  };
  return JSON.stringify({ log });
}
