import type { Locator, Page } from 'playwright-core';

/** The value shown beside a term of an outcome's description list, e.g. "Trace ID" or "Retry". */
export async function describedValue(scope: Locator, term: string): Promise<string | undefined> {
  const value = scope
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .first()
    .locator('xpath=following-sibling::dd[1]');
  if ((await value.count()) === 0) return undefined;
  return ((await value.textContent()) ?? '').trim();
}

/**
 * Opens an entry's details (panel only: a click on its table row) and returns the "Entry details" region,
 * checked to be that entry's.
 */
export async function openDetails(page: Page, item: Locator, chatId: string): Promise<Locator> {
  await item.click();
  const details = page.getByRole('region', { name: 'Entry details' });
  await details.getByRole('heading', { level: 2 }).filter({ hasText: chatId }).waitFor({ state: 'visible' });
  return details;
}

/** A response header as the details table shows it (the raw header the browser received). */
export async function responseHeader(details: Locator, name: string): Promise<string | undefined> {
  const row = details
    .getByRole('table', { name: 'Response headers' })
    .getByRole('row')
    .filter({ has: details.page().getByRole('rowheader', { name, exact: true }) });
  if ((await row.count()) === 0) return undefined;
  return ((await row.first().getByRole('cell').textContent()) ?? '').trim();
}
