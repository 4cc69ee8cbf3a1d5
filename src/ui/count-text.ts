/** "1 entry", "2 entries": the noun agrees with the number, written by `write` (plain digits by default). */
export function entriesText(count: number, write: (count: number) => string = String): string {
  return `${write(count)} ${count === 1 ? 'entry' : 'entries'}`;
}

/** The panel's count: "N entries", or "M of N entries" while a search or filter hides some. */
export function shownOfTotalText(shown: number, total: number): string {
  return shown === total ? entriesText(total) : `${shown} of ${entriesText(total)}`;
}

/** "1 request", "3 requests": the noun agrees with the number. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
