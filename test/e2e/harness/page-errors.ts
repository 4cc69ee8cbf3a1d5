import type { Page } from 'playwright-core';

/**
 * Collects uncaught errors of every page it watches. A test calls `assertNone()` (usually in afterEach)
 * so that any `pageerror` fails it, even when the UI looked right.
 */
export class PageErrors {
  private readonly errors: string[] = [];

  watch(page: Page): void {
    const url = page.url();
    page.on('pageerror', (error) => {
      this.errors.push(`${page.url() || url}: ${error.stack ?? error.message}`);
    });
  }

  take(): string[] {
    return this.errors.splice(0, this.errors.length);
  }

  assertNone(): void {
    const errors = this.take();
    if (errors.length > 0) throw new Error(`Uncaught page errors:\n${errors.join('\n\n')}`);
  }
}
