/**
 * Which Chromium `npm start` launches: CHROME_PATH, else the usual install paths. Branded Google Chrome 137 and
 * later ignore --load-extension, so Chromium and Chrome for Testing come first and branded Chrome is not tried.
 */
export const CHROMIUM_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/lib/chromium/chromium'],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ],
  win32: [
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    `${process.env.LOCALAPPDATA ?? 'C:\\Users\\Default\\AppData\\Local'}\\Chromium\\Application\\chrome.exe`,
  ],
};

export type Found = { path: string } | { error: string };

export function findChromium(
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
  exists: (path: string) => boolean,
): Found {
  const chosen = env.CHROME_PATH?.trim();
  if (chosen) {
    return exists(chosen)
      ? { path: chosen }
      : { error: `CHROME_PATH is set to ${chosen}, but there is no file there.` };
  }
  const found = (CHROMIUM_PATHS[platform] ?? []).find(exists);
  if (found) return { path: found };
  return {
    error:
      'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask ' +
      'chromium) or set CHROME_PATH to a Chromium or Chrome for Testing binary. Branded Google Chrome 137 and ' +
      'later ignore --load-extension, so it cannot be used here.',
  };
}
