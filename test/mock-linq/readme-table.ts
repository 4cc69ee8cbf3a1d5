/**
 * The README's scenario tables, generated from SCENARIOS so the two cannot drift apart: one table of
 * the everyday scenarios, then the fault-injection ones grouped by family.
 */
import { CODE_PATTERN, HOSTILE_SCENARIOS, SCENARIOS, type ScenarioInfo } from './scenarios.ts';

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function answer(info: ScenarioInfo): string {
  return `**${cell(info.name)}**: ${cell(info.description)}`;
}

/** The scenarios without a family, with the CCCC pattern row after the success. */
export function everydayScenarios(): ScenarioInfo[] {
  const [ok, ...rest] = SCENARIOS.filter((info) => info.family === undefined);
  return [...(ok === undefined ? [] : [ok]), CODE_PATTERN, ...rest];
}

export const HOSTILE_TABLE_INTRO = 'Fault-injection scenarios (`HOSTILE_SCENARIOS`), grouped by family:';

export function scenarioMarkdownTable(): string {
  const everyday = everydayScenarios().map((info) => `| \`${info.chatId}\` | ${answer(info)} |`);
  const hostile = HOSTILE_SCENARIOS.map((info, i) => {
    const family = HOSTILE_SCENARIOS[i - 1]?.family === info.family ? '' : `**${info.family}**`;
    return `| ${family} | \`${info.chatId}\` | ${answer(info)} |`;
  });
  return (
    [
      '| Chat ID | Answer |',
      '|---|---|',
      ...everyday,
      '',
      HOSTILE_TABLE_INTRO,
      '',
      '| Family | Chat ID | Answer |',
      '|---|---|---|',
      ...hostile,
    ].join('\n') + '\n'
  );
}
