import { useState } from 'preact/hooks';
import { diagnosisOf } from '../../core/check/diagnosis.ts';
import type { Finding } from '../../core/check/findings.ts';
import { maskHandle } from '../../core/check/mask-handle.ts';
import type { HistoryEntry } from '../../core/history.ts';
import { isSafeDocUrl } from '../../core/linq/doc-url.ts';

export interface DiagnosisViewProps {
  entry: HistoryEntry;
  /** The participants' handles from the reply, while this view is open; never stored. */
  handles?: readonly string[];
}

const LEVEL_TEXT: Record<Finding['level'], string> = { good: 'Good', warning: 'Warning', blocker: 'Blocker' };

/**
 * A Check chat's verdict and one line per finding, each marked in words (not by colour alone). Handles, when
 * the reply brought them, are masked until the operator asks to see them.
 */
export function DiagnosisView({ entry, handles }: DiagnosisViewProps) {
  const [shown, setShown] = useState(false);
  const diagnosis = diagnosisOf(entry);
  if (!diagnosis) return null;
  const handleOf = (finding: Finding) => {
    const handle = finding.participant === undefined ? undefined : handles?.[finding.participant];
    return handle ? ` (${shown ? handle : maskHandle(handle)})` : '';
  };
  return (
    <section class="diagnosis" aria-label="Chat check">
      <p class="verdict">
        <strong>Verdict:</strong> {diagnosis.verdict}
      </p>
      <ul class="findings" aria-label="Findings">
        {diagnosis.findings.map((finding, i) => (
          <li key={i} class={`finding finding-${finding.level}`}>
            <span class="finding-level">{LEVEL_TEXT[finding.level]}:</span> {finding.text}
            <span class="server-text">{handleOf(finding)}</span>
            {isSafeDocUrl(finding.docUrl) ? (
              <>
                {' '}
                <a href={finding.docUrl} target="_blank" rel="noreferrer noopener">
                  Documentation
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {handles && handles.some((handle) => handle !== '') ? (
        <button type="button" class="secondary small" aria-pressed={shown} onClick={() => setShown(!shown)}>
          Show handles
        </button>
      ) : null}
    </section>
  );
}
