/**
 * `npm run mock [-- --port N] [-- --slow-ms N]`: runs the mock Linq API until SIGINT/SIGTERM.
 * Logs one line per request; never prints the Authorization value, only whether one was usable.
 */
import { everydayScenarios } from './readme-table.ts';
import { HOSTILE_SCENARIOS, type ScenarioInfo } from './scenarios.ts';
import { startMockLinq, type AnswerLog } from './server.ts';

const USAGE = 'usage: tsx test/mock-linq/cli.ts [--port N] [--slow-ms N]   (default port 4010)';

interface CliOptions {
  port: number;
  slowMs: number | undefined;
}

function parseNumber(flag: string, value: string | undefined, max: number): number {
  const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > max) throw new Error(`${flag} needs a whole number from 0 to ${max}`);
  return n;
}

function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { port: 4010, slowMs: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--port') options.port = parseNumber('--port', value(), 65535);
    else if (flag === '--slow-ms') options.slowMs = parseNumber('--slow-ms', value(), 600_000);
    else throw new Error(`unknown argument: ${arg}`);
  }
  return options;
}

function scenarioLines(): string[] {
  const everyday = everydayScenarios();
  const nameWidth = Math.max(...[...everyday, ...HOSTILE_SCENARIOS].map((r) => r.name.length));
  const line = (r: ScenarioInfo): string => `  ${r.chatId}  ${r.name.padEnd(nameWidth)}  ${r.description}`;
  const lines = everyday.map(line);
  HOSTILE_SCENARIOS.forEach((r, i) => {
    if (HOSTILE_SCENARIOS[i - 1]?.family !== r.family) lines.push(`Fault injection, ${r.family}:`);
    lines.push(line(r));
  });
  return lines;
}

function logLine({ method, path, authorised, outcome }: AnswerLog): string {
  return `${new Date().toISOString()}  ${method} ${path}  auth: ${authorised ? 'yes' : 'no'}  -> ${outcome}`;
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`mock-linq: ${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  const mock = await startMockLinq({
    port: options.port,
    ...(options.slowMs === undefined ? {} : { slowMs: options.slowMs }),
    onAnswer: (log) => console.log(logLine(log)),
  });
  console.log(`mock-linq listening on ${mock.url}`);
  console.log(`Base URL for the extension: ${mock.url}/api/partner   (any base path works)`);
  console.log('Every typing call needs "Authorization: Bearer <anything>". Scenarios by chat ID:');
  for (const line of scenarioLines()) console.log(line);
  if (options.slowMs !== undefined) console.log(`The slow scenario waits ${options.slowMs} ms.`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\nmock-linq: ${signal}, closing`);
    void mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? 'mock-linq: that port is already in use; try --port N' : error);
  process.exit(1);
});
