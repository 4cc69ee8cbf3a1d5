import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CHROMIUM } from '../e2e/harness/paths.ts';

/** One line describing where the figures were taken. */
export function describeMachine(): string {
  const cpus = os.cpus();
  let chromium = 'Chromium (version unknown)';
  try {
    // Debian's wrapper prints a harmless shell warning on stderr; the version is on stdout.
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // keep the placeholder
  }
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromium}`;
}
