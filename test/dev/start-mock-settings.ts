import { DEFAULT_SETTINGS, updateProfile, type Settings } from '../../src/core/settings.ts';

/** Any key works with the mock; this one says so wherever it might be seen (only masked, in the key field). */
export const MOCK_KEY = 'any-key-works-with-the-mock';
const LOCAL_PROFILE = 'local';

/** The session storage slot of the Local mock environment's key. */
export const MOCK_KEY_SLOT = `apiKey.${LOCAL_PROFILE}`;

/** Settings with the Local mock environment active and pointed at this mock. */
export function settingsForMock(mockUrl: string): Settings {
  return updateProfile({ ...DEFAULT_SETTINGS, activeProfileId: LOCAL_PROFILE }, LOCAL_PROFILE, {
    baseUrl: `${mockUrl}/api/partner`,
  });
}
