import * as z from 'zod/mini';
import { isSafeDocUrl } from '../linq/doc-url.ts';
import { HEALTH_STATUSES, PARTICIPANT_STATUSES, SERVICES, type ChatShape } from './chat-shape.ts';
import { AGE_MAX_S, CLOCK_SKEW_S, PARTICIPANTS_MAX, RECENT_ACTIVITY_S } from './limits.ts';

/**
 * What a chat check keeps: facts derived from Linq's answers (group or not, services, counts, ages, health),
 * never a participant's handle or a message's text. Findings and the verdict are worded from these when
 * shown (findings.ts), so a stored or imported entry carries no free text of its own.
 */

export const ParticipantFacts = z.object({
  service: z.optional(z.enum(SERVICES)),
  me: z.optional(z.boolean()),
  status: z.optional(z.enum(PARTICIPANT_STATUSES)),
});
export type ParticipantFacts = z.infer<typeof ParticipantFacts>;

export const ActivityFacts = z.object({
  /**
   * recent: a message read is within the rule; stale / empty: the whole chat was read and its newest message
   * is older, or there is none; unknown: could not tell (why in `reason`); not_checked: typing is refused anyway.
   */
  state: z.enum(['recent', 'stale', 'empty', 'unknown', 'not_checked']),
  /** Age of the newest message read, in seconds. */
  ageS: z.optional(z.number().check(z.gte(0), z.lte(AGE_MAX_S))),
  /** How many messages were read. */
  read: z.optional(z.int().check(z.gte(0), z.lte(1000))),
  reason: z.optional(z.enum(['request_failed', 'unreadable', 'order_unknown'])),
  /** The messages request's HTTP status, when it failed with one. */
  status: z.optional(z.int().check(z.gte(100), z.lte(599))),
});
export type ActivityFacts = z.infer<typeof ActivityFacts>;

export const ChatFacts = z.object({
  /** false: the answer was a 2xx but not a chat object; nothing else below is known. */
  readable: z.boolean(),
  /** Why it was not readable: over the check's read limit, or not a JSON object (absent in older entries). */
  unreadable: z.optional(z.enum(['over_limit', 'not_an_object'])),
  group: z.optional(z.boolean()),
  service: z.optional(z.enum(SERVICES)),
  participantCount: z.int().check(z.gte(0), z.lte(1_000_000)),
  participants: z.array(ParticipantFacts).check(z.maxLength(PARTICIPANTS_MAX)),
  health: z.optional(z.enum([...HEALTH_STATUSES, 'other'])),
  /** Only ever an https://docs.linqapp.com/ link (doc-url.ts). */
  healthDocUrl: z.optional(z.string().check(z.maxLength(2048))),
  activity: ActivityFacts,
});
export type ChatFacts = z.infer<typeof ChatFacts>;

const KNOWN_HEALTH: ReadonlySet<string> = new Set(HEALTH_STATUSES);

function statusOf(handle: NonNullable<ChatShape['handles']>[number]): ParticipantFacts['status'] {
  if (handle.status !== undefined) return handle.status;
  // A left_at with no status still says the participant left.
  return handle.left_at === undefined ? undefined : 'left';
}

/** The facts of a chat's answer; the activity is filled in by `activityFacts` (or not checked). */
export function chatFacts(chat: ChatShape | undefined, overLimit = false): ChatFacts {
  const notChecked: ActivityFacts = { state: 'not_checked' };
  if (chat === undefined)
    return {
      readable: false,
      unreadable: overLimit ? 'over_limit' : 'not_an_object',
      participantCount: 0,
      participants: [],
      activity: notChecked,
    };
  const handles = chat.handles ?? [];
  const status = chat.health_status?.status;
  const docUrl = chat.health_status?.doc_url;
  return {
    readable: true,
    group: chat.is_group,
    service: chat.service,
    participantCount: handles.length,
    participants: handles.slice(0, PARTICIPANTS_MAX).map((handle) => ({
      service: handle.service,
      me: handle.is_me,
      status: statusOf(handle),
    })),
    health: status === undefined ? undefined : KNOWN_HEALTH.has(status) ? (status as ChatFacts['health']) : 'other',
    healthDocUrl: isSafeDocUrl(docUrl) ? docUrl : undefined,
    activity: notChecked,
  };
}

/** Milliseconds since the epoch of an ISO 8601 date-time, or undefined. */
function instant(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Recent activity from one page of messages. Linq's API reference does not say in which order the messages
 * endpoint lists messages, so the page is not taken to start with the newest: a recent message anywhere in it
 * proves recent activity, and a stale newest message is only a finding when the page holds the whole chat.
 */
export function activityFacts(
  page: { createdAt: Array<string | undefined>; more: boolean },
  now: number,
): ActivityFacts {
  const read = Math.min(page.createdAt.length, 1000);
  const ages = page.createdAt
    .map(instant)
    .filter((ms): ms is number => ms !== undefined && now - ms >= -CLOCK_SKEW_S * 1000)
    .map((ms) => Math.min(AGE_MAX_S, Math.max(0, Math.round((now - ms) / 1000))));
  if (ages.length === 0) {
    if (read === 0 && !page.more) return { state: 'empty', read };
    return { state: 'unknown', read, reason: read === 0 ? 'order_unknown' : 'unreadable' };
  }
  const ageS = Math.min(...ages);
  if (ageS <= RECENT_ACTIVITY_S) return { state: 'recent', ageS, read };
  if (page.more) return { state: 'unknown', ageS, read, reason: 'order_unknown' };
  // A message without a readable date may be the newest one.
  if (ages.length < page.createdAt.length) return { state: 'unknown', ageS, read, reason: 'unreadable' };
  return { state: 'stale', ageS, read };
}
