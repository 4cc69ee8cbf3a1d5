// Stops typing in one chat with the official SDK, as a script would: `node sdk-stop.mjs <chatId>`,
// with LINQ_BASE_URL and LINQ_API_KEY in the environment. The bench times this process from spawn to exit.
import LinqAPIV3 from '@linqapp/sdk';

const chatId = process.argv[2];
if (!chatId) {
  console.error('usage: node sdk-stop.mjs <chatId>');
  process.exit(2);
}
const client = new LinqAPIV3({ apiKey: process.env.LINQ_API_KEY, baseURL: process.env.LINQ_BASE_URL, maxRetries: 0 });
await client.chats.typing.stop(chatId);
