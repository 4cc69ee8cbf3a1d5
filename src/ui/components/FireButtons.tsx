import { REHEARSAL_LIMITS } from '../../core/linq/settings-rules.ts';

export interface FireButtonsProps {
  idPrefix: string;
  inFlight: number;
  /** Seconds left of a 429's retry-after; 0 when not rate limited. */
  waitSeconds: number;
  rehearsalSeconds: number;
  heldBack: boolean;
  onStart(): void;
  /** Check chat: asks Linq about the chat and says whether typing can work in it. */
  onCheck(): void;
  onRehearse(): void;
  onRehearsalSecondsChange(seconds: number): void;
  onSendAnyway(): void;
  onCancelHeldBack(): void;
}

/**
 * Stop typing (the form's submit), Start typing, Check chat and the rehearsal. During a rate-limit wait each button
 * shows the countdown; its accessible name stays the same, and the wait is described beside it.
 */
export function FireButtons(props: FireButtonsProps) {
  return (
    <div class="fire">
      <FireRow {...props} />
      <Rehearsal {...props} />
    </div>
  );
}

/** Stop typing, Start typing, Check chat, the rate-limit note and "Send anyway": the panel's toolbar places them alone. */
export function FireRow(props: FireButtonsProps) {
  const waitId = `${props.idPrefix}-rate-limit`;
  const waiting = props.waitSeconds > 0;
  const countdown = waiting ? <span aria-hidden="true" class="countdown">{` · ${props.waitSeconds} s`}</span> : null;
  const describedBy = waiting ? waitId : undefined;
  return (
    <>
      <div class="fire-row">
        <button
          type="submit"
          class="primary"
          aria-busy={props.inFlight > 0 ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          Stop typing{countdown}
        </button>
        <button type="button" class="secondary" aria-describedby={describedBy} onClick={props.onStart}>
          Start typing{countdown}
        </button>
        <button type="button" class="secondary" aria-describedby={describedBy} onClick={props.onCheck}>
          Check chat{countdown}
        </button>
        {props.inFlight > 0 ? (
          <span class="spinner" aria-hidden="true">
            sending…
          </span>
        ) : null}
      </div>
      {waiting ? (
        <p id={waitId} class="warning">
          Rate limited: the API asked to wait {props.waitSeconds} s more before the next request.
        </p>
      ) : null}
      {props.heldBack ? (
        <div class="confirm" role="alert">
          <span>Still rate limited. Send anyway?</span>
          <button type="button" class="danger" onClick={props.onSendAnyway}>
            Send anyway
          </button>
          <button type="button" class="secondary" onClick={props.onCancelHeldBack}>
            Cancel
          </button>
        </div>
      ) : null}
    </>
  );
}

/** "Stop after (seconds)" and the rehearsal button. */
export function Rehearsal(props: FireButtonsProps) {
  return (
    <div class="rehearsal">
      <label for={`${props.idPrefix}-rehearsal-seconds`}>Stop after (seconds)</label>
      <input
        id={`${props.idPrefix}-rehearsal-seconds`}
        type="number"
        min={REHEARSAL_LIMITS.min}
        max={REHEARSAL_LIMITS.max}
        step={1}
        value={props.rehearsalSeconds}
        onChange={(event) => {
          const value = Math.round(Number(event.currentTarget.value));
          props.onRehearsalSecondsChange(
            Math.min(
              REHEARSAL_LIMITS.max,
              Math.max(REHEARSAL_LIMITS.min, Number.isFinite(value) ? value : REHEARSAL_LIMITS.default),
            ),
          );
        }}
      />
      <button type="button" class="secondary" onClick={props.onRehearse}>
        Start, then stop after {props.rehearsalSeconds} s
      </button>
    </div>
  );
}
