/**
 * The Firefox build's manifest, derived from the one manifest.json. crxjs (browser: 'firefox') turns the
 * background into `scripts` itself once it is given them, and drops `use_dynamic_url`; the rest is here.
 */
export const GECKO_ID = 'linq-typing-inspector@linqapp.com';
/** data_collection_permissions exists from Firefox 140, so nothing older may install the add-on. */
export const FIREFOX_MIN_VERSION = '140.0';
/** Firefox for Android has data_collection_permissions only from 142 (web-ext lint's warning otherwise). */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

interface ChromeManifest {
  background: { service_worker: string; type?: string };
  [key: string]: unknown;
}

export function firefoxManifest<M extends ChromeManifest>(manifest: M): Record<string, unknown> {
  // Chrome-only: Firefox ignores minimum_chrome_version but addons.mozilla.org's linter flags it.
  const { minimum_chrome_version: _chromeOnly, background, ...shared } = manifest;
  return {
    ...shared,
    // An event page: Firefox has no extension service workers. Module scripts work from Firefox 112.
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing leaves the browser but the requests the operator sends (README, "What is sent where").
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
