import type { Locator } from 'playwright-core';

export interface FieldState {
  invalid: string | null;
  /** Text of every element named by aria-describedby, in order (missing IDs give null). */
  descriptions: Array<string | null>;
  /** Whether each described element is rendered (has a layout box). */
  visible: boolean[];
}

/** Reads a field's aria-invalid and the messages it points at with aria-describedby (how every field error is tied to its field). */
export function fieldState(field: Locator): Promise<FieldState> {
  return field.evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => document.getElementById(id));
    return {
      invalid: input.getAttribute('aria-invalid'),
      descriptions: described.map((element) => element?.textContent?.trim() ?? null),
      visible: described.map((element) => element !== null && element.getClientRects().length > 0),
    };
  });
}
