/**
 * A wait that keeps the service worker alive: any extension API call resets Chrome's 30 s idle timer, so a
 * cheap one every 20 s carries a rehearsal's wait of up to 60 s.
 */
export function waitKeepingAlive(ms: number, touch: () => Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const keepAlive = setInterval(() => void touch().catch(() => undefined), 20_000);
    setTimeout(() => {
      clearInterval(keepAlive);
      resolve();
    }, ms);
  });
}
