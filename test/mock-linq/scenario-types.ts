/** The shapes every scenario module shares, kept apart so scenarios.ts and hostile.ts need not import each other. */
import type { ServerResponse } from 'node:http';

/** What a scenario may use while answering. */
export interface RespondContext {
  readonly res: ServerResponse;
  /** Fresh for this response; goes in `X-Trace-ID` and, where the body has one, `trace_id`. */
  readonly traceId: string;
  readonly slowMs: number;
  /** A timer the server cancels on close(). */
  later(ms: number, run: () => void): void;
  /**
   * The request's Authorization header as received, for the key-echo scenarios, which quote it back as a careless
   * server or proxy would. Nothing may log it.
   */
  readonly authorization: string | undefined;
}

/** A scenario answers (or deliberately does not) and returns a short outcome for logs, e.g. "404 2001". */
export interface Scenario {
  readonly name: string;
  respond(ctx: RespondContext): string;
}

/** The fault-injection families, in the order the README and HOSTILE_SCENARIOS list them. */
export const HOSTILE_FAMILIES = [
  'bodies',
  'wrong-types',
  'unknown-codes',
  'doc-links',
  'hostile-text',
  'redirects',
  'connection',
  'rate-limits',
  'key echo',
  'retry-after',
] as const;

export type HostileFamily = (typeof HOSTILE_FAMILIES)[number];

/** One listed scenario (README, CLI banner). `family` is set on the fault-injection ones. */
export interface ScenarioInfo {
  readonly chatId: string;
  readonly name: string;
  readonly description: string;
  readonly family?: HostileFamily;
}

/** A listed fault-injection scenario. */
export interface HostileScenarioInfo extends ScenarioInfo {
  readonly family: HostileFamily;
}
