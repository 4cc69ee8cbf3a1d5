/** The chat check's bounds and rules, apart from the schemas so a view can word findings without loading zod. */

/** At most this many participants are described one by one; the count covers them all. */
export const PARTICIPANTS_MAX = 50;
/** Enough for a chat with many participants and a page of messages; a body beyond it is not read. */
export const CHECK_BODY_MAX = 512 * 1024;
/** How many messages the check reads: one small page. */
export const CHECK_MESSAGES_LIMIT = 20;
/** Typing reaches the device only after a message sent or received within about this long (SDK docstring). */
export const RECENT_ACTIVITY_S = 5 * 60;
/** A message dated this far ahead of this computer's clock is taken for clock skew, and read as just now. */
export const CLOCK_SKEW_S = 60;
/** Ten years: an age beyond this is no age. */
export const AGE_MAX_S = 10 * 365 * 24 * 3600;
