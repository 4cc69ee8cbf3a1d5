import type { DecodedOutcome } from '../../core/linq/outcome.ts';
import { isSafeDocUrl } from '../../core/linq/doc-url.ts';

/**
 * The decoded meaning of one outcome. Every string here may come from a server, so all of it is rendered as
 * text; the only link is re-checked to point at docs.linqapp.com.
 */
export interface OutcomeViewProps {
  outcome: DecodedOutcome;
  compact?: boolean;
  /** Shows the code's row in the Codes view (not offered in compact form: the caller places it). */
  onLookupCode?(code: number): void;
}

export function OutcomeView({ outcome, compact = false, onLookupCode }: OutcomeViewProps) {
  return (
    <dl class={compact ? 'outcome compact' : 'outcome'}>
      {outcome.code !== undefined ? (
        <>
          <dt>Code</dt>
          <dd>
            <strong class="code">{outcome.code}</strong> {outcome.meaning}
            {outcome.documented === false ? <span class="tag">undocumented</span> : null}
          </dd>
        </>
      ) : null}
      {outcome.category && !compact ? (
        <>
          <dt>Category</dt>
          <dd>{outcome.category}</dd>
        </>
      ) : null}
      {outcome.serverMessage ? (
        <>
          <dt>Message</dt>
          <dd class="server-text">{outcome.serverMessage}</dd>
        </>
      ) : null}
      {compact ? null : (
        <>
          <dt>What to do</dt>
          <dd>{outcome.hint}</dd>
        </>
      )}
      <dt>Retry</dt>
      <dd>
        {outcome.retryText}
        {outcome.retryAfterSeconds !== undefined ? ` Wait ${outcome.retryAfterSeconds} s.` : null}
      </dd>
      {outcome.traceId ? (
        <>
          <dt>Trace ID</dt>
          <dd>
            <code class="server-text">{outcome.traceId}</code>
          </dd>
        </>
      ) : null}
      {outcome.note && !compact ? (
        <>
          <dt>Note</dt>
          <dd>{outcome.note}</dd>
        </>
      ) : null}
      {outcome.code !== undefined && onLookupCode && !compact ? (
        <>
          <dt>Reference</dt>
          <dd>
            <LookupButton code={outcome.code} onLookupCode={onLookupCode} />
          </dd>
        </>
      ) : null}
      {outcome.docUrl && isSafeDocUrl(outcome.docUrl) ? (
        <>
          <dt>Docs</dt>
          <dd>
            <a href={outcome.docUrl} target="_blank" rel="noopener noreferrer">
              {outcome.code !== undefined ? `Documentation for ${outcome.code}` : 'Error documentation'}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function LookupButton({ code, onLookupCode }: { code: number; onLookupCode(code: number): void }) {
  return (
    <button type="button" class="link-button" onClick={() => onLookupCode(code)}>
      Look up {code} in Codes
    </button>
  );
}
