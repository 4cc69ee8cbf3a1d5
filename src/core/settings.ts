import * as z from 'zod/mini';
import { DEFAULT_BASE_URL, HISTORY_CAP_LIMITS, TIMEOUT_LIMITS, clampInt } from './linq/settings-rules.ts';

/** Settings shared by every view and the worker. The API key is not a setting: it has its own store. */
export interface Settings {
  baseUrl: string;
  timeoutMs: number;
  historyCap: number;
  rememberKey: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: DEFAULT_BASE_URL,
  timeoutMs: TIMEOUT_LIMITS.default,
  historyCap: HISTORY_CAP_LIMITS.default,
  rememberKey: false,
};

const StoredSettings = z.object({
  baseUrl: z.optional(z.string()),
  timeoutMs: z.optional(z.number()),
  historyCap: z.optional(z.number()),
  rememberKey: z.optional(z.boolean()),
});

/** Whatever is in storage (perhaps from an older version, perhaps damaged) becomes valid settings. */
export function settingsFrom(stored: unknown): Settings {
  const parsed = StoredSettings.safeParse(stored ?? {});
  const value = parsed.success ? parsed.data : {};
  return {
    baseUrl: value.baseUrl ?? DEFAULT_SETTINGS.baseUrl,
    timeoutMs: clampInt(value.timeoutMs ?? DEFAULT_SETTINGS.timeoutMs, TIMEOUT_LIMITS),
    historyCap: clampInt(value.historyCap ?? DEFAULT_SETTINGS.historyCap, HISTORY_CAP_LIMITS),
    rememberKey: value.rememberKey ?? false,
  };
}
