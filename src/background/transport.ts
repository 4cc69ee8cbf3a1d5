import type { RawOutcome } from '../core/linq/outcome.ts';
import type { TypingRequest } from '../core/linq/request.ts';
import { isIpLiteral } from '../core/linq/settings-rules.ts';
import { BODY_PREVIEW_MAX } from '../core/linq/body-limit.ts';

// How much of a response body is kept; the import rules bound an imported body by the same constant.
export { BODY_PREVIEW_MAX };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Reads at most `max` characters of a body, then cancels the rest so a huge body costs nothing more. */
async function readBounded(response: Response, max: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false };
    text += decoder.decode(value, { stream: true });
    if (text.length > max) {
      await reader.cancel().catch(() => undefined);
      return { text: text.slice(0, max), truncated: true };
    }
  }
}

/** Chrome upgrades plain http to https for host names it knows speak only https (HSTS); never for IP addresses. */
function mayBeUpgradedByBrowser(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && !isIpLiteral(hostname);
}

/**
 * Sends one request and reports what happened, never throwing: every way it can end is a RawOutcome.
 * Redirects are not followed, so the Authorization header cannot travel to another host. `bodyMax`: the chat
 * check reads more than a preview, to parse the chat, and keeps none of it (src/background/chat-check.ts).
 */
export async function send(
  request: TypingRequest,
  timeoutMs: number,
  fetchImpl: FetchLike,
  bodyMax: number = BODY_PREVIEW_MAX,
): Promise<RawOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      signal: controller.signal,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return {
        kind: 'redirect',
        location: response.headers.get('location') ?? undefined,
        opaque: response.type === 'opaqueredirect',
        upgradable: mayBeUpgradedByBrowser(request.url),
      };
    }
    const body = await readBounded(response, bodyMax);
    return {
      kind: 'response',
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      body: body.text,
      bodyTruncated: body.truncated,
      receivedAt: Date.now(),
    };
  } catch (error) {
    if (timedOut) return { kind: 'timeout', timeoutMs };
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
