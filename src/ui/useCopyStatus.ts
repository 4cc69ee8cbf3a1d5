import { useState } from 'preact/hooks';

export interface CopyStatus {
  text: string;
  error: boolean;
}

/** A copy action's confirmation, or the reason it failed, to say out loud beside its buttons. */
export function useCopyStatus<K>(onCopy: (kind: K) => Promise<string>) {
  const [status, setStatus] = useState<CopyStatus>();
  const copy = (kind: K) =>
    onCopy(kind).then(
      (text) => setStatus({ text, error: false }),
      (error: unknown) =>
        setStatus({ text: `Copy failed: ${error instanceof Error ? error.message : String(error)}`, error: true }),
    );
  return { status, copy };
}
