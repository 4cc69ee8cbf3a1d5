/** The README's scenario table, generated from SCENARIOS so the two cannot drift apart. */
import { CODE_PATTERN, SCENARIOS, type ScenarioInfo } from './scenarios.ts';

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function row(info: ScenarioInfo): string {
  return `| \`${info.chatId}\` | **${cell(info.name)}**: ${cell(info.description)} |`;
}

export function scenarioMarkdownTable(): string {
  const [ok, ...rest] = SCENARIOS;
  const rows = [...(ok === undefined ? [] : [ok]), CODE_PATTERN, ...rest].map(row);
  return ['| Chat ID | Answer |', '|---|---|', ...rows].join('\n') + '\n';
}
