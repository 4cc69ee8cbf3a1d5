import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT_DIR } from './paths.ts';
import { START_PROFILE_PREFIX } from './profile.ts';
import { waitUntil } from './wait.ts';

/** Every process whose command line names `text` (Linux /proc). */
export function processesNaming(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** What `npm start` printed once ready: its temporary profile and the mock, and any line a test asks for. */
export interface RunningStart {
  profileDir: string;
  mockUrl: string;
  /** The first group of `pattern` in the output; fails with the whole output if it is not there. */
  printed(pattern: RegExp): string;
  /** Ctrl+C as a terminal sends it, to the process group; then nothing may be left. */
  stopAndExpectNothingLeft(): Promise<void>;
  /** Ends the group if a test failed midway, and deletes the build folder. */
  cleanup(): Promise<void>;
}

/** `npm start -- <args> --out-dir <its own folder>`, detached in its own process group, its output gathered. */
async function spawnNpmStart(args: readonly string[]) {
  const outDir = await mkdtemp(join(tmpdir(), 'linq-start-dist-'));
  const gathered = { text: '' };
  const child: ChildProcess = spawn('npm', ['start', '--', ...args, '--out-dir', outDir], {
    cwd: ROOT_DIR,
    detached: true,
    env: { ...process.env, LINQ_START_REMOTE_DEBUGGING: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (gathered.text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (gathered.text += chunk.toString()));
  // 'close' comes once every process holding the output pipes has ended, the start script's own node included
  // (npm itself ends by the signal, as a shell expects).
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const cleanup = async () => {
    // Left running only if the test failed midway; the group may be gone already.
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // ESRCH: nothing left to end.
      }
    }
    await rm(outDir, { recursive: true, force: true });
  };
  /** Ctrl+C as a terminal sends it, to the process group; resolves once the group has ended. */
  const pressCtrlC = async () => {
    process.kill(-child.pid!, 'SIGINT');
    await closed;
  };
  return { output: () => gathered.text, cleanup, pressCtrlC };
}

/** After a Ctrl+C: the start said it stopped, its profile is gone, and no process (a browser) still names it. */
function expectStoppedWithNothingLeft(output: string, profileDir: string): void {
  expect(output).toContain('start: stopped');
  expect(existsSync(profileDir)).toBe(false);
  expect(processesNaming(profileDir)).toEqual([]);
}

/** The start's temporary profiles now in the temporary folder. */
const startProfiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(START_PROFILE_PREFIX));

/**
 * `npm start -- <args>`, with the address a test connects through printed (LINQ_START_REMOTE_DEBUGGING=1), once
 * it says it is ready.
 */
export async function runNpmStart(args: readonly string[], readyTimeout: number): Promise<RunningStart> {
  const { output, cleanup, pressCtrlC } = await spawnNpmStart(args);
  const printed = (pattern: RegExp): string => {
    const match = pattern.exec(output());
    if (!match?.[1]) throw new Error(`npm start did not print ${pattern}; it printed:\n${output()}`);
    return match[1];
  };
  try {
    await waitUntil(async () => output().includes('Press Ctrl+C to stop'), {
      timeout: readyTimeout,
      message: 'npm start did not get ready',
      describe: output,
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const profileDir = printed(/temporary profile (\S+)/);
  const mockUrl = printed(/mock {7}(http:\/\/127\.0\.0\.1:\d+)\/api\/partner/);
  return {
    profileDir,
    mockUrl,
    printed,
    cleanup,
    async stopAndExpectNothingLeft() {
      await pressCtrlC();
      expectStoppedWithNothingLeft(output(), profileDir);
      await expect(fetch(`${mockUrl}/demo`)).rejects.toThrow();
    },
  };
}

/**
 * `npm start -- <args>`, and Ctrl+C as soon as its browser's temporary profile exists, while the browser is still
 * starting: the start must end, saying it stopped, with that profile deleted and no process naming it.
 */
export async function stopWhileTheBrowserStarts(args: readonly string[], timeout: number): Promise<void> {
  const before = new Set(startProfiles());
  const { output, cleanup, pressCtrlC } = await spawnNpmStart(args);
  try {
    let profile: string | undefined;
    await waitUntil(async () => (profile = startProfiles().find((name) => !before.has(name))) !== undefined, {
      timeout,
      interval: 5,
      message: 'npm start made no temporary profile',
      describe: output,
    });
    const profileDir = join(tmpdir(), profile!);
    await pressCtrlC();
    expect(output()).not.toContain('start: ready');
    expectStoppedWithNothingLeft(output(), profileDir);
  } finally {
    await cleanup();
  }
}
