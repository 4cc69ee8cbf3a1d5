import { useState } from 'preact/hooks';
import type { FieldName } from '../core/linq/request.ts';

export type FieldErrors = Partial<Record<FieldName | 'profileName', string>>;

/** The messages shown beside the form's fields. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    errors,
    // Returning the same object when nothing changes spares a re-render, e.g. on the way to sending a request.
    set: (field: keyof FieldErrors, message: string | undefined) =>
      setErrors((current) => (current[field] === message ? current : { ...current, [field]: message })),
    /** These messages and no others. */
    showOnly: (shown: FieldErrors) => setErrors(shown),
    clear: () => setErrors({}),
    any: () => Object.values(errors).some((message) => message !== undefined),
  };
}

export type FieldErrorsState = ReturnType<typeof useFieldErrors>;
