import type { HistoryEntry } from '../history.ts';
import { chatFindings, refusalFinding, verdictOf, type Finding } from './findings.ts';

export interface Diagnosis {
  verdict: string;
  findings: Finding[];
}

/**
 * A Check chat entry's diagnosis, worded from its stored facts, or from the error its GET chat answered;
 * undefined when there is none to give (a pending entry, a network failure, a timeout, an answer that is not Linq's).
 */
export function diagnosisOf(entry: HistoryEntry): Diagnosis | undefined {
  if (entry.operation !== 'chat.check') return undefined;
  const findings = entry.diagnosis
    ? chatFindings(entry.diagnosis)
    : [refusalFinding(entry.outcome)].filter((f) => f !== undefined);
  return findings.length === 0 ? undefined : { verdict: verdictOf(findings), findings };
}
