/**
 * The copied snippets, run for real against the mock Linq server: the cURL command with /usr/bin/curl in bash,
 * and the SDK snippet with node and the @linqapp/sdk devDependency.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import { curlCommand, sdkSnippet } from '../../src/core/share/snippets.ts';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { chatIdForCode, SCENARIOS } from '../mock-linq/scenarios.ts';

const KEY = 'sk_test_snippet_run';
const OK_CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const HANG_CHAT = SCENARIOS.find((scenario) => scenario.name === 'hang')!.chatId;

let mock: MockLinq;
let sdkDir: string;

beforeAll(async () => {
  mock = await startMockLinq();
  // Inside node_modules, so the snippet's `import '@linqapp/sdk'` resolves as it would in a project.
  sdkDir = mkdtempSync(join(import.meta.dirname, '../../node_modules/.snippet-run-'));
});

afterAll(async () => {
  await mock?.close();
  if (sdkDir) rmSync(sdkDir, { recursive: true, force: true });
});

beforeEach(() => mock.clearRequests());

function entry(chatId: string, timeoutMs = 5_000): HistoryEntry {
  return {
    id: 'e1',
    startedAt: 0,
    state: 'settled',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId,
    baseUrlHost: new URL(mock.url).host,
    request: { url: `${mock.url}/api/partner/v3/chats/${chatId}/typing`, headers: [], timeoutMs },
  };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(file: string, args: string[], env: Record<string, string>, cwd?: string): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const options = { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, cwd, timeout: 20_000 };
    execFile(file, args, options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

const bash = (command: string, env: Record<string, string> = {}) => run('/bin/bash', ['-c', command], env);

describe('the cURL snippet, run with /usr/bin/curl in bash', () => {
  it('gets the 204 with the key from LINQ_API_KEY', async () => {
    const result = await bash(curlCommand(entry(OK_CHAT)), { LINQ_API_KEY: KEY });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HTTP\/1\.1 204 /);
    const received = mock.requests.map((request) => [request.method, request.authorization]);
    expect(received).toEqual([['DELETE', `Bearer ${KEY}`]]);
  });

  it('gets the 2001 envelope', async () => {
    const result = await bash(curlCommand(entry(chatIdForCode(2001))), { LINQ_API_KEY: KEY });
    expect(result.stdout).toMatch(/^HTTP\/1\.1 404 /);
    expect(result.stdout).toContain('"code":2001');
  });

  it.each([
    ['unset', {}],
    ['empty', { LINQ_API_KEY: '' }],
  ])(
    'stops with "set LINQ_API_KEY" when the variable is %s, and sends nothing',
    async (_how, env: Record<string, string>) => {
      const result = await bash(curlCommand(entry(OK_CHAT)), env);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('LINQ_API_KEY: set LINQ_API_KEY');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(mock.requests).toEqual([]);
    },
  );

  it('gives up after the entry timeout (--max-time)', async () => {
    const result = await bash(curlCommand(entry(HANG_CHAT, 700)), { LINQ_API_KEY: KEY });
    expect(result.code).toBe(28); // curl: operation timed out
    expect(result.ms).toBeLessThan(5_000);
    expect(mock.requests).toHaveLength(1);
  });
});

async function runSdk(of: HistoryEntry): Promise<Run> {
  const file = join(sdkDir, `snippet-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, sdkSnippet(of));
  return run(process.execPath, [file], { LINQ_API_KEY: KEY }, sdkDir);
}

describe('the SDK snippet, run with node and @linqapp/sdk', () => {
  it('stops typing (204)', async () => {
    const result = await runSdk(entry(OK_CHAT));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(mock.requests.map((request) => request.authorization)).toEqual([`Bearer ${KEY}`]);
  });

  it('makes one attempt at a 429, which the SDK would otherwise retry after Retry-After', async () => {
    const result = await runSdk(entry(chatIdForCode(1007)));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('RateLimitError');
    expect(mock.requests).toHaveLength(1);
  });

  it('makes one attempt with the entry timeout', async () => {
    const result = await runSdk(entry(HANG_CHAT, 700));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('APIConnectionTimeoutError');
    expect(result.ms).toBeLessThan(5_000);
    expect(mock.requests).toHaveLength(1);
  });
});
