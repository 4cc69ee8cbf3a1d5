/** `npm start [-- --headless] [-- --watch] [-- --browser chromium|firefox] [-- --out-dir DIR] [-- --mock-port N]`. */
export interface StartOptions {
  browser: 'chromium' | 'firefox';
  headless: boolean;
  /** Rebuild on a change in src/ and reload the extension. */
  watch: boolean;
  /** Where the build goes: dist/ (the folder a user loads) unless a test asks for its own. */
  outDir: string | undefined;
  /** 0: a free port. */
  mockPort: number;
}

export const START_USAGE =
  'usage: npm start [-- --headless] [-- --watch] [-- --browser chromium|firefox] [-- --out-dir DIR] [-- --mock-port N]';

export function parseStartArgs(argv: readonly string[]): StartOptions | 'help' {
  const options: StartOptions = { browser: 'chromium', headless: false, watch: false, outDir: undefined, mockPort: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--headless') options.headless = true;
    else if (flag === '--watch') options.watch = true;
    else if (flag === '--out-dir') options.outDir = value();
    else if (flag === '--browser') {
      const browser = value();
      if (browser !== 'chromium' && browser !== 'firefox')
        throw new Error(`--browser is chromium or firefox, not "${browser.slice(0, 40)}"`);
      options.browser = browser;
    } else if (flag === '--mock-port') {
      const text = value();
      const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
      if (!(port >= 0 && port <= 65_535)) throw new Error('--mock-port needs a whole number from 0 to 65535');
      options.mockPort = port;
    } else throw new Error(`unknown argument: ${arg.slice(0, 80)}`);
  }
  return options;
}
