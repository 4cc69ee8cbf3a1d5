import { scenarioMarkdownTable } from './readme-table.ts';

const START = '<!-- mock-scenarios:start -->\n';
const END = '<!-- mock-scenarios:end -->';

/** The README text with its scenario block replaced by the generated table. */
export function replaceScenarioBlock(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no mock-scenarios block');
  return readme.slice(0, start + START.length) + scenarioMarkdownTable() + readme.slice(end);
}
