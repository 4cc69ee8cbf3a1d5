import type { StorageLike } from './storage-types.ts';

/** Each environment's last chat ID, for the keyboard command. A chat ID is not a secret. */
const slot = (profileId: string) => `lastChatId.${profileId}`;

export function createLastChatStore(storage: StorageLike) {
  return {
    async load(profileId: string): Promise<string | undefined> {
      const value: unknown = (await storage.local.get(slot(profileId)))[slot(profileId)];
      return typeof value === 'string' ? value : undefined;
    },
    save: (profileId: string, chatId: string) => storage.local.set({ [slot(profileId)]: chatId }),
  };
}
