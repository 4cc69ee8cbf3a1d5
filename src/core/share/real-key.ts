import type { HistoryEntry } from '../history.ts';
import { checkBaseUrl } from '../linq/settings-rules.ts';
import type { Profile } from '../profiles.ts';

/** Whose key "Copy cURL with real key" may put into an entry's command, and the host it would go to; or why none. */
export type RealKeyDecision =
  { ok: true; profileId: string; profileName: string; host: string } | { ok: false; reason: string };

function originOf(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The key may only ever go where it was already sent: the key of the environment the entry was sent from,
 * while that environment's Base URL still has the entry's origin. An imported entry was not sent from here
 * (its URL is whatever the file says), and an entry without an environment cannot be matched to one.
 */
export function realKeyFor(entry: HistoryEntry, profiles: readonly Profile[]): RealKeyDecision {
  if (entry.imported === true) {
    return { ok: false, reason: 'This entry was imported from a file, so the real key is never added to it.' };
  }
  if (entry.profileId === undefined) {
    return { ok: false, reason: 'This entry does not say which environment sent it, so no key can be added to it.' };
  }
  const profile = profiles.find((candidate) => candidate.id === entry.profileId);
  if (!profile) {
    return {
      ok: false,
      reason: `The "${entry.profileName ?? entry.profileId}" environment no longer exists, so its key cannot be added.`,
    };
  }
  const target = originOf(entry.request.url);
  if (!target) return { ok: false, reason: 'This entry has no valid URL, so no key can be added to it.' };
  const base = checkBaseUrl(profile.baseUrl);
  const baseOrigin = base.ok ? originOf(base.value) : undefined;
  if (!baseOrigin || baseOrigin.origin !== target.origin) {
    const now = baseOrigin ? baseOrigin.host : 'no valid address';
    return {
      ok: false,
      reason: `The ${profile.name} environment's Base URL now points at ${now}, not ${target.host}, so its key is not added.`,
    };
  }
  return { ok: true, profileId: profile.id, profileName: profile.name, host: target.host };
}
