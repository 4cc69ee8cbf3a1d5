import { describe, expect, it } from 'vitest';
import { firstPaintText, readFirstPaint } from '../../src/core/first-paint.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { storedEntry } from './worker/fixtures.ts';

const custom = {
  id: 'custom-1',
  name: 'Staging',
  baseUrl: 'https://staging.example.test/api/partner',
  rememberKey: false,
  builtIn: false,
};
const settings = {
  ...DEFAULT_SETTINGS,
  profiles: [...DEFAULT_SETTINGS.profiles, custom],
  activeProfileId: 'custom-1',
  historyCap: 500,
};

describe("the popup's first-paint copy", () => {
  it('reads back what was kept: settings, the newest entries and the total', () => {
    const recent = { entries: [storedEntry('b', 2), storedEntry('a', 1)], total: 7 };
    const copy = readFirstPaint(firstPaintText({ settings, recent }));
    expect(copy?.settings).toEqual(settings);
    expect(copy?.recent.total).toBe(7);
    expect(copy?.recent.entries.map((entry) => entry.id)).toEqual(['b', 'a']);
  });

  it('keeps only settings and entries: nothing else given to it is stored', () => {
    const withExtra = {
      settings,
      recent: { entries: [], total: 0, apiKey: 'sk_live_secret' },
      apiKey: 'sk_live_secret',
    };
    expect(firstPaintText(withExtra)).not.toContain('sk_live_secret');
  });

  it('is ignored when missing, damaged or of another shape, so the popup waits for storage instead', () => {
    expect(readFirstPaint(null)).toBeUndefined();
    expect(readFirstPaint('')).toBeUndefined();
    expect(readFirstPaint('{"settings":')).toBeUndefined();
    expect(readFirstPaint('[1,2]')).toBeUndefined();
    expect(readFirstPaint(JSON.stringify({ settings }))).toBeUndefined();
    expect(
      readFirstPaint(JSON.stringify({ settings, recent: { entries: [{ id: 'broken' }], total: 1 } })),
    ).toBeUndefined();
  });

  it('repairs damaged settings the way stored settings are repaired', () => {
    const copy = readFirstPaint(
      JSON.stringify({ settings: { activeProfileId: 'gone', historyCap: 'many' }, recent: { entries: [], total: 0 } }),
    );
    expect(copy?.settings.activeProfileId).toBe(DEFAULT_SETTINGS.activeProfileId);
    expect(copy?.settings.historyCap).toBe(DEFAULT_SETTINGS.historyCap);
  });
});
