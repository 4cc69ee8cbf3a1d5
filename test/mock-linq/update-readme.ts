/** `npx tsx test/mock-linq/update-readme.ts`: rewrites the README's scenario table from SCENARIOS. */
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceScenarioBlock } from './readme-block.ts';

const path = new URL('../../README.md', import.meta.url);
writeFileSync(path, replaceScenarioBlock(readFileSync(path, 'utf8')));
