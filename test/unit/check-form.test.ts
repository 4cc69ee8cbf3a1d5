import { describe, expect, it } from 'vitest';
import { checkForm } from '../../src/core/check-form.ts';
import { withProfileAdded, withProfileDeleted, newCustomProfile } from '../../src/core/profiles.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const valid = {
  chatId: CHAT,
  apiKey: 'sk_live',
  baseUrlText: 'https://api.linqapp.com/api/partner',
  hasHostAccess: true,
};

describe('checkForm: what a view checks before sending', () => {
  it('passes a complete form', () => {
    expect(checkForm(valid)).toEqual({ ok: true, problems: {} });
  });

  it('names each problem by its field, with the message shown beside it', () => {
    expect(checkForm({ chatId: '', apiKey: '', baseUrlText: '', hasHostAccess: true })).toEqual({
      ok: false,
      problems: {
        chatId: 'Enter a chat ID.',
        apiKey: 'Enter your Linq API key. Nothing is sent without one.',
        baseUrl: 'Enter a base URL, or reset it to the default.',
      },
    });
  });

  it('leaves the key to the worker while it is not known yet', () => {
    expect(checkForm({ ...valid, apiKey: undefined })).toEqual({ ok: true, problems: {} });
  });

  it('refuses a host the extension may not reach, naming it', () => {
    expect(checkForm({ ...valid, hasHostAccess: false }).problems).toEqual({
      baseUrl: 'The extension has no access to api.linqapp.com. Use "Grant access" first.',
    });
  });
});

describe('profile rules', () => {
  it('adds a custom environment as the active one, and deleting the active one falls back to Production', () => {
    const added = newCustomProfile(DEFAULT_SETTINGS.profiles, 1_700_000_000_000);
    expect(added).toEqual({ id: 'custom-loyw3v28', name: 'Custom 1', baseUrl: '', rememberKey: false, builtIn: false });
    const withIt = withProfileAdded(DEFAULT_SETTINGS, added);
    expect(withIt.activeProfileId).toBe(added.id);
    expect(newCustomProfile(withIt.profiles, 1).name).toBe('Custom 2');
    const without = withProfileDeleted(withIt, added.id);
    expect(without.profiles).toEqual(DEFAULT_SETTINGS.profiles);
    expect(without.activeProfileId).toBe('production');
    expect(withProfileDeleted({ ...withIt, activeProfileId: 'local' }, added.id).activeProfileId).toBe('local');
  });
});
