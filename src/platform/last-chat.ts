import type { StorageLike } from './storage-types.ts';

/** The chat ID of the last request, for the keyboard command. A chat ID is not a secret. */
const KEY = 'lastChatId';

export function createLastChatStore(storage: StorageLike) {
  return {
    async load(): Promise<string | undefined> {
      const value: unknown = (await storage.local.get(KEY))[KEY];
      return typeof value === 'string' ? value : undefined;
    },
    save: (chatId: string) => storage.local.set({ [KEY]: chatId }),
  };
}
