import { describe, expect, test } from 'vitest';
import { CHROMIUM_PATHS, findChromium } from '../dev/find-chromium.ts';
import { parseStartArgs } from '../dev/start-args.ts';

describe('npm start arguments', () => {
  test('no arguments: Chromium with a window, no watching, dist/, a free mock port', () => {
    expect(parseStartArgs([])).toEqual({
      browser: 'chromium',
      headless: false,
      watch: false,
      outDir: undefined,
      mockPort: 0,
    });
  });

  test('every flag, with a value after it or after "="', () => {
    expect(
      parseStartArgs(['--headless', '--watch', '--browser', 'firefox', '--out-dir=/tmp/x', '--mock-port', '4010']),
    ).toEqual({ browser: 'firefox', headless: true, watch: true, outDir: '/tmp/x', mockPort: 4010 });
    expect(parseStartArgs(['--help'])).toBe('help');
  });

  test.each([
    [['--browser', 'safari'], '--browser is chromium or firefox, not "safari"'],
    [['--browser'], '--browser needs a value'],
    [['--mock-port', '70000'], '--mock-port needs a whole number from 0 to 65535'],
    [['--mock-port=abc'], '--mock-port needs a whole number from 0 to 65535'],
    [['--out-dir='], '--out-dir needs a value'],
    [['--open'], 'unknown argument: --open'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseStartArgs(argv)).toThrow(message);
  });
});

const none = () => false;

describe('which Chromium npm start launches', () => {
  test('CHROME_PATH wins when the file is there, and is named when it is not', () => {
    expect(findChromium({ CHROME_PATH: '/opt/cft/chrome' }, 'linux', (path) => path === '/opt/cft/chrome')).toEqual({
      path: '/opt/cft/chrome',
    });
    expect(findChromium({ CHROME_PATH: '/opt/none' }, 'linux', () => true)).toEqual({ path: '/opt/none' });
    expect(findChromium({ CHROME_PATH: '/opt/none' }, 'linux', none)).toEqual({
      error: 'CHROME_PATH is set to /opt/none, but there is no file there.',
    });
  });

  test('otherwise the first usual path that exists, in order', () => {
    const snap = CHROMIUM_PATHS.linux![2]!;
    expect(findChromium({}, 'linux', (path) => path === snap)).toEqual({ path: snap });
    expect(findChromium({}, 'linux', () => true)).toEqual({ path: '/usr/bin/chromium' });
  });

  test('none found: how to install one, and why branded Chrome is not an answer', () => {
    const found = findChromium({}, 'linux', none);
    expect('error' in found && found.error).toMatch(/^No Chromium found\. Install it .*CHROME_PATH.*137/);
    expect(findChromium({}, 'plan9', none)).toHaveProperty('error');
  });
});
