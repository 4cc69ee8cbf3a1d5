import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replaceScenarioBlock } from '../mock-linq/readme-block.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions?: string[];
};
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('README stays true', () => {
  it('lists the mock scenarios exactly as the mock defines them (fix: npx tsx test/mock-linq/update-readme.ts)', () => {
    expect(readme).toBe(replaceScenarioBlock(readme));
  });

  it('explains every permission the manifest asks for', () => {
    const permissionSection = readme.slice(readme.indexOf('## Permissions'));
    for (const permission of [
      ...manifest.permissions,
      ...manifest.host_permissions,
      ...(manifest.optional_host_permissions ?? []),
    ]) {
      expect(permissionSection, permission).toContain(`\`${permission}\``);
    }
  });

  it('gives set-up commands that exist in package.json', () => {
    for (const script of ['build', 'build:firefox', 'zip', 'zip:firefox', 'mock', 'lint', 'typecheck']) {
      expect(readme).toContain(`npm run ${script}`);
      expect(packageJson.scripts[script], script).toBeTruthy();
    }
    expect(readme).toContain('npm test');
  });

  it('shows only images that exist in docs/', () => {
    for (const [, path] of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
      expect(() => readFileSync(new URL(`../../${path}`, import.meta.url)), path).not.toThrow();
    }
  });
});
