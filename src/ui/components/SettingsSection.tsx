import { useState } from 'preact/hooks';
import type { RequestSettingsFields, RequestSettingsProps } from './RequestSettings.tsx';

/**
 * Less-used settings, folded away; they apply on change like the rest. Their fields load the first time the
 * section opens, which keeps them out of the popup's first paint.
 */
export function SettingsSection(props: RequestSettingsProps) {
  const [Fields, setFields] = useState<typeof RequestSettingsFields>();
  return (
    <details
      class="request-settings"
      onToggle={(event) => {
        if (event.currentTarget.open && !Fields)
          void import('./RequestSettings.tsx').then((module) => setFields(() => module.RequestSettingsFields));
      }}
    >
      <summary>Settings</summary>
      {Fields ? <Fields {...props} /> : <p class="loading">Loading…</p>}
    </details>
  );
}
