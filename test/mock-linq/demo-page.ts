/**
 * The demo page's HTML (`GET /demo`): a form whose buttons make the page itself call the mock, so a new user sees
 * Linq answers in the tab's own network traffic (issue 15). The chat IDs come from the scenario table, so the
 * page cannot drift from what the mock answers. The behaviour lives in demo/demo.js (served as /demo/demo.js).
 */
import { documentedCode } from './codes.ts';
import { chatIdForCode } from './scenarios.ts';

/** The Chat ID field's starting value: a chat that answers 404/2001. */
export const DEMO_DEFAULT_CHAT_ID = chatIdForCode(2001);

/** The typing route the page calls, as the extension would with Base URL `<mock>/api/partner`. */
export const DEMO_TYPING_BASE = '/api/partner/v3/chats/';

/** The non-Linq request: 200 JSON that is not an envelope, which the Page traffic view should leave out. */
export const DEMO_HEALTH_PATH = '/demo/health';
export const DEMO_SCRIPT_PATH = '/demo/demo.js';

/** One showcase button: a fixed request whose answer the panel should decode. */
export interface DemoShowcase {
  readonly label: string;
  readonly method: 'DELETE' | 'GET';
  readonly path: string;
}

const typingPath = (chatId: string): string => `${DEMO_TYPING_BASE}${chatId}/typing`;

function codeShowcase(code: number, extra = ''): DemoShowcase {
  const entry = documentedCode(code);
  return {
    label: `${entry.http}/${code} ${entry.message}${extra}`,
    method: 'DELETE',
    path: typingPath(chatIdForCode(code)),
  };
}

export const DEMO_SHOWCASES: readonly DemoShowcase[] = [
  codeShowcase(2005),
  codeShowcase(1002),
  codeShowcase(1007, ', with Retry-After'),
  { label: '200 JSON that is not Linq (health check)', method: 'GET', path: DEMO_HEALTH_PATH },
];

/** Our own labels are plain text, but escaping keeps that true whatever a label ever holds. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function showcaseButton({ label, method, path }: DemoShowcase): string {
  return `<button type="button" data-method="${method}" data-path="${escapeHtml(path)}">${escapeHtml(label)}</button>`;
}

/**
 * The page. The inputs have no `name`, so no form submission could ever carry them, and CSP's form-action 'none'
 * forbids submitting at all: the key can only leave in the Authorization header the script sets.
 */
export function demoPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mock-linq demo page</title>
<script src="${DEMO_SCRIPT_PATH}" defer></script>
</head>
<body>
<main>
<h1>mock-linq demo page</h1>
<p>Each button sends one request from this page to the mock, so it shows in this tab's DevTools (Network panel;
the Linq panel's Page traffic view decodes the Linq ones). The key goes only into the Authorization header: it is
not stored, not put in any URL, and not shown. Any non-empty key works with the mock.</p>
<form id="demo-form" data-typing-base="${DEMO_TYPING_BASE}">
<p><label for="api-key">API key</label>
<input id="api-key" type="password" autocomplete="off" spellcheck="false"></p>
<p><label for="chat-id">Chat ID</label>
<input id="chat-id" type="text" size="40" autocomplete="off" spellcheck="false" value="${escapeHtml(DEMO_DEFAULT_CHAT_ID)}">
(prefilled with a chat that answers 404/2001 Chat not found)</p>
<p><button type="button" data-method="DELETE">Stop typing</button>
<button type="button" data-method="POST">Start typing</button></p>
<fieldset>
<legend>Showcase requests</legend>
${DEMO_SHOWCASES.map(showcaseButton).join('\n')}
</fieldset>
</form>
<h2>Answers, newest first</h2>
<ol id="answers" aria-live="polite"></ol>
</main>
</body>
</html>
`;
}
