import { DEFAULT_BASE_URL, HISTORY_CAP_LIMITS, TIMEOUT_LIMITS, clampInt } from './linq/settings-rules.ts';

/** Settings shared by every view and the worker. The API key is not a setting: it has its own store. */
export interface Settings {
  baseUrl: string;
  timeoutMs: number;
  historyCap: number;
  rememberKey: boolean;
  /** false: requests still show their result but leave no stored entry. */
  recordHistory: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: DEFAULT_BASE_URL,
  timeoutMs: TIMEOUT_LIMITS.default,
  historyCap: HISTORY_CAP_LIMITS.default,
  rememberKey: false,
  recordHistory: true,
};

function field<T>(stored: unknown, name: keyof Settings, type: 'string' | 'number' | 'boolean'): T | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const value: unknown = (stored as Record<string, unknown>)[name];
  return typeof value === type ? (value as T) : undefined;
}

/**
 * Whatever is in storage (perhaps from an older version, perhaps damaged) becomes valid settings: each field
 * of the wrong type falls back to its default, and numbers are clamped to their limits.
 */
export function settingsFrom(stored: unknown): Settings {
  return {
    baseUrl: field<string>(stored, 'baseUrl', 'string') ?? DEFAULT_SETTINGS.baseUrl,
    timeoutMs: clampInt(field<number>(stored, 'timeoutMs', 'number') ?? DEFAULT_SETTINGS.timeoutMs, TIMEOUT_LIMITS),
    historyCap: clampInt(field<number>(stored, 'historyCap', 'number') ?? DEFAULT_SETTINGS.historyCap, HISTORY_CAP_LIMITS),
    rememberKey: field<boolean>(stored, 'rememberKey', 'boolean') ?? false,
    recordHistory: field<boolean>(stored, 'recordHistory', 'boolean') ?? true,
  };
}
