/**
 * Polls `probe` until it returns true, or throws with `message` (and the last value seen) after `timeout`.
 * Unlike vitest's expect.poll it also works in beforeAll/afterAll hooks.
 */
export async function waitUntil(
  probe: () => Promise<boolean> | boolean,
  options: { timeout?: number; interval?: number; message: string; describe?: () => Promise<string> | string },
): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 5_000);
  let lastError: unknown;
  for (;;) {
    try {
      if (await probe()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = options.describe ? ` (${await options.describe()})` : '';
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out: ${options.message}${detail}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.interval ?? 50));
  }
}
