import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeReport {
  /** Rules checked and passed, so an empty violation list is known to mean something. */
  passes: string[];
  /** One readable block per violated rule: id, impact, help, then each node's target and summary. */
  violations: string[];
  /** The rules axe could not decide for some element ("needs review"), for the failure message. */
  incomplete: string[];
}

/**
 * Runs axe-core on the whole page with its default rules (WCAG 2.x A and AA plus best practices). axe is
 * injected over CDP (frame.evaluate), which the extension pages' CSP does not govern.
 */
export async function runAxe(page: Page, label: string): Promise<AxeReport> {
  await page.bringToFront();
  // Only violations are reported in full (passes and "needs review" list one node per rule), which keeps a
  // run on the 48-row Codes table short.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return {
    passes: results.passes.map((rule) => rule.id),
    violations: results.violations.map(
      (violation) =>
        `${label}: ${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n` +
        violation.nodes
          .map(
            (node) => `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    ),
    incomplete: results.incomplete.map((rule) => rule.id),
  };
}
