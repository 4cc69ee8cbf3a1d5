/**
 * `npm run bench`. The harness reads E2E_DIST_DIR when its modules load, so it is set here first and
 * everything else is imported afterwards.
 */
import { LOAD_DIR } from './dirs.ts';

process.env.E2E_DIST_DIR = LOAD_DIR;
const { runBench } = await import('./main.ts');
await runBench();
