import type { DecodedOutcome } from '../linq/outcome.ts';
import type { ChatFacts, ParticipantFacts } from './facts.ts';
import { CHECK_BODY_MAX, CHECK_MESSAGES_LIMIT, RECENT_ACTIVITY_S } from './limits.ts';

/** One line of a diagnosis. `participant` is the handle's index in the chat, for a view that may show it. */
export interface Finding {
  level: 'good' | 'warning' | 'blocker';
  text: string;
  /** A short reason for the verdict; set on warnings and blockers. */
  reason?: string;
  docUrl?: string;
  participant?: number;
}

export const NO_INDICATOR = 'SMS/RCS: the call succeeds but no indicator is shown';

/** "45 s", "3 min", "2 h", "4 days". */
export function ageText(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} days`;
}

function groupFinding(facts: ChatFacts): Finding {
  if (facts.group === true)
    return {
      level: 'blocker',
      text: 'Group chat: typing indicators are not supported, and the typing endpoints answer 403.',
      reason: 'group chat',
    };
  if (facts.group === false) return { level: 'good', text: 'One-to-one chat: typing indicators are supported.' };
  return {
    level: 'warning',
    text: 'Group or one-to-one: could not tell (the answer has no is_group).',
    reason: 'not known to be one-to-one',
  };
}

function serviceFinding(facts: ChatFacts): Finding {
  if (facts.service === 'iMessage') return { level: 'good', text: 'Chat service: iMessage.' };
  if (facts.service === undefined)
    return { level: 'warning', text: 'Chat service: not given.', reason: 'chat service unknown' };
  return {
    level: 'warning',
    text: `Chat service: ${facts.service}. ${NO_INDICATOR}.`,
    reason: `${facts.service} chat`,
  };
}

function who(participant: ParticipantFacts, index: number): string {
  return `Participant ${index + 1}${participant.me === true ? ' (you)' : ''}`;
}

function handleFinding(participant: ParticipantFacts, index: number): Finding {
  const name = who(participant, index);
  if (participant.service === 'iMessage') return { level: 'good', text: `${name}: iMessage.`, participant: index };
  if (participant.service === undefined)
    return {
      level: 'warning',
      text: `${name}: service not given.`,
      reason: 'a participant’s service unknown',
      participant: index,
    };
  return {
    level: 'warning',
    text: `${name}: ${participant.service}. ${NO_INDICATOR}.`,
    reason: `a participant on ${participant.service}`,
    participant: index,
  };
}

function participantsFindings(facts: ChatFacts): Finding[] {
  const gone = facts.participants
    .map((participant, index) => ({ participant, index }))
    .filter(({ participant }) => participant.status === 'left' || participant.status === 'removed');
  if (gone.length === 0) {
    const all = facts.participantCount;
    return [
      all === 0
        ? { level: 'warning', text: 'Participants: none listed.', reason: 'no participants listed' }
        : { level: 'good', text: `Participants: none of the ${all} has left or been removed.` },
    ];
  }
  return gone.map(({ participant, index }) => {
    const verb = participant.status === 'left' ? 'left the chat' : 'was removed from the chat';
    // Linq answers 409 to every interaction with a chat one's own number has left (SDK, leaveChat).
    return participant.me === true
      ? {
          level: 'blocker',
          text: `${who(participant, index)} ${verb}: the typing endpoints answer 409.`,
          reason: `you ${participant.status === 'left' ? 'left' : 'were removed from'} this chat`,
          participant: index,
        }
      : {
          level: 'warning',
          text: `${who(participant, index)} ${verb}.`,
          reason: `a participant ${participant.status === 'left' ? 'left' : 'was removed'}`,
          participant: index,
        };
  });
}

function healthFinding(facts: ChatFacts): Finding {
  const link = facts.healthDocUrl === undefined ? {} : { docUrl: facts.healthDocUrl };
  if (facts.health === 'HEALTHY') return { level: 'good', text: 'Chat health: HEALTHY.', ...link };
  if (facts.health === undefined)
    return { level: 'warning', text: 'Chat health: not given.', reason: 'chat health unknown' };
  const status = facts.health === 'other' ? 'a status this version does not know' : facts.health;
  return { level: 'warning', text: `Chat health: ${status}.`, reason: `chat health ${status}`, ...link };
}

const RULE = `the recipient must have sent or received a message in about the last ${RECENT_ACTIVITY_S / 60} minutes`;

function activityFinding(facts: ChatFacts): Finding | undefined {
  const { activity } = facts;
  const age = activity.ageS === undefined ? '' : ageText(activity.ageS);
  switch (activity.state) {
    case 'not_checked':
      return undefined;
    case 'recent':
      return { level: 'good', text: `Recent activity: a message ${age} ago, within the 5-minute rule.` };
    case 'stale':
      return {
        level: 'warning',
        text: `Recent activity: the newest message is ${age} old; ${RULE}.`,
        reason: 'no message in the last 5 minutes',
      };
    case 'empty':
      return {
        level: 'warning',
        text: `Recent activity: the chat has no messages; ${RULE}.`,
        reason: 'no messages yet',
      };
    case 'unknown':
      return {
        level: 'warning',
        text: `Recent activity: could not tell (${unknownWhy(facts)}).`,
        reason: 'recent activity unknown',
      };
  }
}

function unknownWhy({ activity }: ChatFacts): string {
  switch (activity.reason) {
    case 'request_failed':
      return `the messages request failed${activity.status === undefined ? '' : ` with HTTP ${activity.status}`}`;
    case 'unreadable':
      return 'the messages’ dates could not be read';
    case 'order_unknown':
    case undefined:
      return (
        `Linq’s API reference does not say in which order messages are listed, and none of the ` +
        `${activity.read ?? CHECK_MESSAGES_LIMIT} read is from the last 5 minutes`
      );
  }
}

const UNREADABLE_WHY = {
  over_limit: `over the ${CHECK_BODY_MAX / 1024} KiB the check reads`,
  not_an_object: 'not a JSON object',
  // Entries stored before the reason was kept.
  either: 'not a JSON object, or over the size limit',
} as const;

/** The findings of a chat that was read, in the order they are shown. */
export function chatFindings(facts: ChatFacts): Finding[] {
  if (!facts.readable)
    return [
      {
        level: 'warning',
        text: `The chat: the answer could not be read as a chat (${UNREADABLE_WHY[facts.unreadable ?? 'either']}); nothing could be checked.`,
        reason: 'the chat’s answer could not be read',
      },
    ];
  const activity = activityFinding(facts);
  return [
    groupFinding(facts),
    serviceFinding(facts),
    ...facts.participants.map(handleFinding),
    ...participantsFindings(facts),
    healthFinding(facts),
    ...(activity ? [activity] : []),
  ];
}

/** A Linq error to GET chat that says typing in this chat will be refused too: not found, not yours, no key. */
export function refusalFinding(outcome: DecodedOutcome | undefined): Finding | undefined {
  if (outcome?.kind !== 'linq_error' || ![401, 403, 404].includes(outcome.status ?? 0)) return undefined;
  return {
    level: 'blocker',
    text: `The chat: ${outcome.summary}.`,
    reason: outcome.meaning ?? outcome.summary,
    ...(outcome.docUrl === undefined ? {} : { docUrl: outcome.docUrl }),
  };
}

/** The verdict, in the issue's words: refused if any blocker, else may not show if any warning. */
export function verdictOf(findings: readonly Finding[]): string {
  const reasons = (level: Finding['level']) => [
    ...new Set(findings.filter((finding) => finding.level === level).map((finding) => finding.reason ?? '')),
  ];
  const blockers = reasons('blocker');
  if (blockers.length > 0) return `Typing will be refused (${blockers.join('; ')})`;
  const warnings = reasons('warning');
  if (warnings.length > 0) return `Typing will be accepted but may not show (${warnings.join('; ')})`;
  return 'Typing can work in this chat';
}
