/** The slice of browser.storage this extension uses, so the real API and an in-memory fake both fit. */
export interface StorageAreaLike {
  /** `null` reads the whole area. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
export type StorageChangeListener = (changes: StorageChanges, areaName: string) => void;

export interface StorageLike {
  local: StorageAreaLike;
  session: StorageAreaLike;
  onChanged: {
    addListener(listener: StorageChangeListener): void;
    removeListener(listener: StorageChangeListener): void;
  };
}
