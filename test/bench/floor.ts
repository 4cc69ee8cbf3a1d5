import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { ROOT_DIR } from './dirs.ts';
import { QUIET_MS } from './fire.ts';

/** The typing URL of a chat on the mock, as the extension builds it. */
export function typingUrl(baseUrl: string, chatId: string): string {
  return `${baseUrl}/v3/chats/${encodeURIComponent(chatId)}/typing`;
}

export interface FloorTiming {
  /** The fetch alone: from the call to the body read. */
  fetched: number;
  /** …then its status written into the page, and the next frame: the floor for "result on screen". */
  painted: number;
}

/**
 * The floor: one raw fetch from an extension page to the same mock, timed inside the page. The fire is
 * timed to its result on screen (the frame after the DOM shows it), so the floor is also timed to its
 * status on screen; the fetch alone is the floor for the DOM-commit figure.
 */
export async function rawFetchOnce(page: Page, url: string): Promise<FloorTiming> {
  await page.bringToFront();
  return page.evaluate(
    async ({ target, quietMs }) => {
      // In a task of its own after a quiet moment, as the click in fire.ts is.
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const started = performance.now();
      const response = await fetch(target, { method: 'DELETE', headers: { Authorization: 'Bearer x' } });
      await response.arrayBuffer();
      if (response.status !== 204) throw new Error(`floor fetch answered ${response.status}`);
      const fetched = performance.now() - started;
      const output =
        document.getElementById('bench-floor') ??
        document.body.appendChild(Object.assign(document.createElement('output'), { id: 'bench-floor' }));
      output.textContent = `${response.status} ${fetched.toFixed(1)} ms`;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { fetched, painted: performance.now() - started };
    },
    { target: url, quietMs: QUIET_MS },
  );
}

/** Spawns a process and returns the wall time from spawn to exit, in ms. Fails on a non-zero exit. */
export function timeProcess(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: env ?? process.env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

export function curlOnce(url: string): Promise<number> {
  return timeProcess('curl', ['-s', '-o', '/dev/null', '-X', 'DELETE', '-H', 'Authorization: Bearer x', url]);
}

/** `node test/bench/sdk-stop.mjs`: the official SDK's typing.stop in a fresh Node process. */
export function sdkScriptOnce(baseUrl: string, chatId: string, apiKey: string): Promise<number> {
  return timeProcess(process.execPath, [`${ROOT_DIR}/test/bench/sdk-stop.mjs`, chatId], {
    ...process.env,
    LINQ_BASE_URL: baseUrl,
    LINQ_API_KEY: apiKey,
  });
}

/** Whether curl can be run here (it is not an npm dependency). */
export async function hasCurl(): Promise<boolean> {
  return timeProcess('curl', ['--version']).then(
    () => true,
    () => false,
  );
}
