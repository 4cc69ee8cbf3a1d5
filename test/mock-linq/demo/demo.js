// The demo page's script (served as /demo/demo.js; the page is test/mock-linq/demo-page.ts). Each button sends one
// fetch from the page itself, so it shows in this tab's DevTools. Rules it keeps:
//  - the key is read from the field at click time and goes only into Authorization: never stored, never in a URL,
//    never written into the page;
//  - answers are shown with textContent only, and only as numbers (status, Linq code, Retry-After seconds): a
//    message, status text or header could quote the key back (the mock's key-echo scenarios do).
'use strict';

const MAX_ANSWERS = 20;

const form = document.getElementById('demo-form');
const keyField = document.getElementById('api-key');
const chatField = document.getElementById('chat-id');
const answers = document.getElementById('answers');

/** The method and path a button asks for: its own data-path, else the typing route of the Chat ID field. */
function requestOf(button) {
  const method = button.dataset.method ?? 'GET';
  if (button.dataset.path !== undefined) return { method, path: button.dataset.path };
  const chatId = chatField.value.trim();
  if (chatId === '') return undefined;
  return { method, path: `${form.dataset.typingBase}${encodeURIComponent(chatId)}/typing` };
}

/** The numeric code of a Linq error envelope, or undefined for any other body. */
async function linqCodeOf(response) {
  if (!(response.headers.get('content-type') ?? '').toLowerCase().includes('json')) return undefined;
  try {
    const body = await response.json();
    const code = body?.success === false ? body.error?.code : undefined;
    return typeof code === 'number' ? code : undefined;
  } catch {
    return undefined;
  }
}

async function describeAnswer(response) {
  if (response.type === 'opaqueredirect') return 'a redirect, not followed';
  const parts = [`HTTP ${response.status}`];
  const code = await linqCodeOf(response);
  parts.push(code === undefined ? 'not a Linq envelope' : `Linq code ${code}`);
  const retryAfter = response.headers.get('retry-after') ?? '';
  if (/^\d{1,6}$/.test(retryAfter)) parts.push(`Retry-After ${retryAfter} s`);
  return parts.join(', ');
}

function show(text) {
  const item = document.createElement('li');
  item.textContent = text;
  answers.prepend(item);
  while (answers.children.length > MAX_ANSWERS) answers.lastElementChild?.remove();
}

async function send(button) {
  const request = requestOf(button);
  if (request === undefined) {
    show('Type a chat ID first.');
    return;
  }
  const key = keyField.value.trim();
  // No key, no header: the mock then answers 401/2004, which is worth seeing too.
  const headers = key === '' ? {} : { Authorization: `Bearer ${key}` };
  const said = `${button.textContent}: ${request.method} ${request.path}`;
  try {
    // redirect 'manual': a redirect elsewhere (a key-echo scenario sends one) is shown, never followed.
    const response = await fetch(request.path, {
      method: request.method,
      headers,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'manual',
    });
    show(`${said} -> ${await describeAnswer(response)}`);
  } catch {
    show(`${said} -> no answer (the connection failed or was dropped)`);
  }
}

// The form is never submitted (CSP form-action 'none' forbids it too); Enter does nothing.
form.addEventListener('submit', (event) => event.preventDefault());
for (const button of form.querySelectorAll('button[data-method]')) {
  button.addEventListener('click', () => void send(button));
}

/**
 * `/demo?fire=<code>` sends that code's request once as the page loads (2001: Stop typing on the prefilled chat;
 * 2005, 1002, 1007: that showcase), so a reload shows requests made at load, before anyone clicks. The key field is
 * empty then (a key never travels in a URL), so the mock answers 401/2004: still a Linq error, sent at load.
 */
function buttonToFire(code) {
  const buttons = [...form.querySelectorAll('button[data-method]')];
  if (code === '2001') return buttons.find((button) => button.dataset.method === 'DELETE' && !button.dataset.path);
  return buttons.find((button) => new RegExp(`^\\d{3}/${code} `).test(button.textContent ?? ''));
}

const fireAtLoad = new URL(document.URL).searchParams.get('fire');
if (fireAtLoad !== null && /^\d{4}$/.test(fireAtLoad)) {
  const button = buttonToFire(fireAtLoad);
  if (button === undefined) show(`Nothing to fire for ${fireAtLoad}.`);
  else void send(button);
}
