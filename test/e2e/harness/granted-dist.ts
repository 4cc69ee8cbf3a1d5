import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR } from './paths.ts';

/**
 * A copy of the built dist/ in which access to all sites is granted at install. Chrome's permission prompt
 * (what "Turn on page menu" opens) cannot be answered in headless Chromium, and Chrome grants no optional
 * permission without it. The copy differs from dist/ only in the manifest's host_permissions, so the worker
 * finds the access already given, exactly as after the operator said yes.
 */
export async function distWithAllSites(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'linq-e2e-dist-all-sites-'));
  await cp(DIST_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    host_permissions: string[];
    optional_host_permissions: string[];
  };
  manifest.host_permissions = [...manifest.host_permissions, ...manifest.optional_host_permissions];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
