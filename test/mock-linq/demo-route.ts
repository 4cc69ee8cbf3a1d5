/**
 * The demo page's routes: `GET /demo` (and `/demo/`), `/demo/demo.js` and `/demo/health`. Anything else is left
 * to the mock's usual routing, so unknown paths answer as they always did.
 */
import { readFileSync } from 'node:fs';
import { DEMO_HEALTH_PATH, DEMO_SCRIPT_PATH, demoPageHtml } from './demo-page.ts';
import { sendBody, sendJson } from './responses.ts';
import type { RespondContext } from './scenario-types.ts';

/**
 * The page's Content-Security-Policy, stricter than the usual starting point:
 *  - default-src 'none': nothing loads unless listed below (images, fonts, frames, objects, workers…);
 *  - script-src 'self': only /demo/demo.js runs; no inline script, so no injected markup could run anything;
 *  - connect-src 'self': fetch reaches only the mock, and a redirect elsewhere is blocked too;
 *  - no style-src: the page uses the browser's own styles, so even inline styles stay blocked;
 *  - form-action 'none': the form can never be submitted, which would put its fields in a URL;
 *  - base-uri and frame-ancestors 'none': neither falls back to default-src, and the page needs neither.
 */
export const DEMO_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

const SCRIPT_URL = new URL('./demo/demo.js', import.meta.url);

function readScript(): string {
  try {
    return readFileSync(SCRIPT_URL, 'utf8');
  } catch (error) {
    throw new Error(`mock-linq: cannot read ${SCRIPT_URL.pathname}`, { cause: error });
  }
}

/** The served script, read once at load, like the error codes. */
export const DEMO_SCRIPT: string = readScript();

/** What /demo/health answers: JSON, but not a Linq envelope (no `success: false`, no `error`). */
export const DEMO_HEALTH_BODY = { status: 'ok', service: 'mock-linq' } as const;

/** Every demo answer: not cached, never sniffed, and no Referer leaves the page. */
const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Answers a demo route and returns the outcome for logs; undefined when `method path` is not one. */
export function answerDemo(method: string, path: string, { res, traceId }: RespondContext): string | undefined {
  if (method !== 'GET') return undefined;
  if (path === '/demo' || path === '/demo/') {
    const headers = { ...COMMON_HEADERS, 'Content-Security-Policy': DEMO_CSP };
    sendBody(res, 200, traceId, demoPageHtml(), 'text/html; charset=utf-8', headers);
    return '200 demo page';
  }
  if (path === DEMO_SCRIPT_PATH) {
    sendBody(res, 200, traceId, DEMO_SCRIPT, 'text/javascript; charset=utf-8', COMMON_HEADERS);
    return '200 demo script';
  }
  if (path === DEMO_HEALTH_PATH) {
    sendJson(res, 200, traceId, DEMO_HEALTH_BODY, 'application/json', COMMON_HEADERS);
    return '200 demo health (not Linq)';
  }
  return undefined;
}
