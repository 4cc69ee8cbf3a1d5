/**
 * Copy as cURL / SDK / CLI: the text goes to a terminal or an editor, so no character outside printable ASCII
 * may reach it raw (a bracketed paste holding ESC[201~ and ^C ran a command in bash 5.2 without Enter), and the
 * commands must run as they are, one attempt with the entry's timeout, failing loudly without a key.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import { cliCommand, curlCommand, sdkSnippet } from '../../src/core/share/snippets.ts';
import { jsString, shellQuote } from '../../src/core/share/shell-quote.ts';

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const LOCAL = 'http://127.0.0.1:4010/api/partner';

function entry(chatId = CHAT, base = 'https://api.linqapp.com/api/partner', timeoutMs = 15_000): HistoryEntry {
  return {
    id: 'e1',
    startedAt: 0,
    state: 'settled',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId,
    baseUrlHost: 'api.linqapp.com',
    request: { url: `${base}/v3/chats/${chatId}/typing`, headers: [['Authorization', 'Bearer [redacted]']], timeoutMs },
  };
}

/** Hostile values: each holds something a terminal or an editor would act on or hide. */
const HOSTILE: Array<[string, string]> = [
  ['ESC and a bracketed-paste end', 'a\u001b[201~b'],
  ['^C', 'a\u0003b'],
  ['NUL', 'a\u0000b'],
  ['a newline', 'a\nrm -rf ~\nb'],
  ['U+2028', 'a\u2028b'],
  ['a bidi override', 'a\u202eb'],
  ['the Arabic letter mark', 'a\u061cb'],
  ['non-ASCII letters', 'Grüße-你好'],
  ['an astral character', 'a😀b'],
  ['quotes and backslashes', `a'b"c\\d$e\`f`],
];

const built = (of: HistoryEntry) => [curlCommand(of), curlCommand(of, 'sk_live_abc'), sdkSnippet(of), cliCommand(of)];

/** Printable ASCII, plus the line breaks the builders put between their own lines. */
const SAFE = /^[\x20-\x7e\n]*$/;

/** What bash makes of one shell word: the bytes it would pass as an argument. */
function bashWord(word: string): Buffer {
  return execFileSync('/bin/bash', ['-c', `printf '%s' ${word}`]);
}

describe('shellQuote', () => {
  it('single-quotes printable ASCII, escaping embedded single quotes', () => {
    expect(shellQuote('https://api.linqapp.com/x')).toBe(`'https://api.linqapp.com/x'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it.each(HOSTILE)('writes %s as printable ASCII that bash reads back byte for byte', (_name, value) => {
    const quoted = shellQuote(value);
    expect(quoted).toMatch(/^[\x20-\x7e]*$/);
    // bash strings cannot hold NUL: it ends the argument there, which is harmless.
    expect(bashWord(quoted).toString('utf8')).toBe(value.split('\u0000')[0]);
  });

  it('uses $-quoting only when a value needs it', () => {
    expect(shellQuote('a\u001bb')).toBe(`$'a\\x1bb'`);
  });
});

describe('jsString', () => {
  it.each(HOSTILE)('writes %s as an ASCII string literal with the same value', (_name, value) => {
    const literal = jsString(value);
    expect(literal).toMatch(/^"[\x20-\x7e]*"$/);
    expect(JSON.parse(literal)).toBe(value);
  });
});

describe('snippets carry no raw character outside printable ASCII', () => {
  it.each(HOSTILE)('chat ID and URL with %s', (_name, value) => {
    const hostile = entry(value, `https://api.linqapp.com/api/partner${value}`);
    const clean = entry();
    const lines = built(clean).map((text) => text.split('\n').length);
    for (const [index, text] of built(hostile).entries()) {
      expect(text).toMatch(SAFE);
      // No line of its own: a newline in a value never reaches the text raw.
      expect(text.split('\n').length).toBe(lines[index]);
    }
  });

  it('in a base URL outside production (CLI and SDK)', () => {
    const hostile = entry(CHAT, `http://127.0.0.1:4010/\u001b[201~\u0003`);
    expect(cliCommand(hostile)).toMatch(SAFE);
    expect(cliCommand(hostile)).toContain(`LINQ_API_URL=$'http://127.0.0.1:4010/\\x1b[201~\\x03'`);
    expect(sdkSnippet(hostile)).toMatch(SAFE);
    expect(sdkSnippet(hostile)).toContain(`baseURL: "http://127.0.0.1:4010/\\u001b[201~\\u0003"`);
  });
});

describe('snippets that run as they are', () => {
  it('cURL: the entry timeout as --max-time, and a key variable that must be set', () => {
    expect(curlCommand(entry())).toBe(
      [
        `curl -i --max-time 15 -X DELETE 'https://api.linqapp.com/api/partner/v3/chats/${CHAT}/typing'`,
        `  -H "Authorization: Bearer \${LINQ_API_KEY:?set LINQ_API_KEY}"`,
        `  -H 'Accept: */*'`,
      ].join(' \\\n'),
    );
    expect(curlCommand(entry(CHAT, LOCAL, 2_500))).toContain('--max-time 2.5 ');
  });

  it('cURL with the real key: the key in place of the variable', () => {
    const text = curlCommand(entry(), 'sk_live_abc');
    expect(text).toContain(`-H 'Authorization: Bearer sk_live_abc'`);
    expect(text).not.toContain('LINQ_API_KEY');
  });

  it('SDK: one attempt (maxRetries 0) with the entry timeout, in ms', () => {
    expect(sdkSnippet(entry())).toBe(
      [
        `import LinqAPIV3 from '@linqapp/sdk';`,
        ``,
        `// One attempt with this entry's timeout, as the history shows one (the SDK retries 429, 5xx and timeouts).`,
        `const client = new LinqAPIV3({ apiKey: process.env.LINQ_API_KEY, maxRetries: 0, timeout: 15000 });`,
        `await client.chats.typing.stop("${CHAT}");`,
      ].join('\n'),
    );
    expect(sdkSnippet(entry(CHAT, LOCAL, 2_500))).toContain(
      `{ apiKey: process.env.LINQ_API_KEY, maxRetries: 0, timeout: 2500, baseURL: "${LOCAL}" }`,
    );
  });

  it('CLI: its own LINQ_TOKEN, and LINQ_API_URL outside production', () => {
    const token = `LINQ_TOKEN="\${LINQ_API_KEY:?set LINQ_API_KEY}"`;
    expect(cliCommand(entry())).toBe(`${token} linq chats typing '${CHAT}' --stop`);
    expect(cliCommand(entry(CHAT, LOCAL))).toBe(
      `LINQ_TOKEN="\${LINQ_API_KEY:?set LINQ_API_KEY}" LINQ_API_URL='${LOCAL}' linq chats typing '${CHAT}' --stop`,
    );
  });
});
