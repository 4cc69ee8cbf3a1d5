import { keepStorageFromPages, type AccessLevelArea } from './page-menu-api.ts';

/** The slice of storage the gate reads: `local` (and whether it has Chrome's access levels), and its changes. */
export interface GateStorage {
  local: AccessLevelArea & { get(keys: null): Promise<Record<string, unknown>> };
  onChanged: { addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void };
}

/** What must hold, besides access to all sites, for the page menu's script to run in web pages. */
export interface PageMenuGate {
  allows(): Promise<boolean>;
  /** Called when `allows` may have changed. */
  onChange(listener: () => void): void;
  /** True where content scripts can read storage.local (Firefox: no setAccessLevel). */
  storageOpenToPages: boolean;
}

/**
 * An environment's key slot: key-store.ts's isKeySlot, spelled out here because importing key-store into the
 * worker directly reshuffled the chunks it shares with the views, and Chrome's build must stay byte-identical.
 * test/unit/worker/page-menu-gate.test.ts checks that the two agree.
 */
export const isKeySlotName = (name: string): boolean => name.startsWith('apiKey.');

/** Whether any environment keeps its key in this area (Remember key on this device). */
export function holdsRememberedKey(area: Record<string, unknown>): boolean {
  return Object.entries(area).some(([name, value]) => isKeySlotName(name) && typeof value === 'string' && value !== '');
}

/**
 * Chrome closes storage.local to content scripts (setAccessLevel), and the page menu waits for that. Firefox has
 * no such call and lets content scripts read storage.local, so there the selection script is registered only
 * while no environment remembers its key; the views refuse to combine the two (src/ui/firefox-page-menu-guard.ts, src/ui/firefox-remember-guard.ts).
 */
export function createPageMenuGate(storage: GateStorage, log: (message: string, error: unknown) => void): PageMenuGate {
  if (typeof storage.local.setAccessLevel !== 'function') {
    return {
      storageOpenToPages: true,
      allows: async () => !holdsRememberedKey(await storage.local.get(null)),
      onChange(listener) {
        storage.onChanged.addListener((changes, areaName) => {
          if (areaName === 'local' && Object.keys(changes).some(isKeySlotName)) listener();
        });
      },
    };
  }
  const closed = keepStorageFromPages(storage.local, log);
  return { storageOpenToPages: false, allows: () => closed, onChange: () => undefined };
}
