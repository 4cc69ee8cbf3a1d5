import { HISTORY_CAP_LIMITS, TIMEOUT_LIMITS } from '../../core/linq/settings-rules.ts';
import type { Settings } from '../../core/settings.ts';
import type { PageMenuAccess } from '../client.ts';
import { usePageMenu } from '../usePageMenu.ts';
import { useKeysGuardedPageMenu } from '../firefox-page-menu-guard.ts';
import { PageMenuSetting } from './PageMenuSetting.tsx';
import { TrafficHostsField } from './TrafficHostsField.tsx';
import { BROWSER } from '../browser-name.ts';

export interface RequestSettingsProps {
  idPrefix: string;
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
  pageMenu: PageMenuAccess;
  /** The panel's Page traffic hosts; the popup has no Page traffic. */
  withTrafficHosts?: boolean;
}

/** The fields of the folded Settings section; loaded when it is first opened. */
export function RequestSettingsFields({
  idPrefix,
  settings,
  onChange,
  pageMenu,
  withTrafficHosts,
}: RequestSettingsProps) {
  // A build constant: Chrome's build keeps only the plain switch.
  const pageMenuView = LINQ_FIREFOX_BUILD
    ? useKeysGuardedPageMenu(usePageMenu(pageMenu), settings)
    : usePageMenu(pageMenu);
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-timeout`}>Request timeout (seconds)</label>
        <input
          id={`${idPrefix}-timeout`}
          type="number"
          min={TIMEOUT_LIMITS.min / 1000}
          max={TIMEOUT_LIMITS.max / 1000}
          step={1}
          value={settings.timeoutMs / 1000}
          onChange={(event) => onChange({ timeoutMs: Number(event.currentTarget.value) * 1000 })}
        />
        <p class="field-note">
          {TIMEOUT_LIMITS.min / 1000}–{TIMEOUT_LIMITS.max / 1000} s. {BROWSER.name} may end a background request after
          30 s.
        </p>
      </div>
      <div class="field">
        <label for={`${idPrefix}-history-cap`}>History limit (entries)</label>
        <input
          id={`${idPrefix}-history-cap`}
          type="number"
          min={HISTORY_CAP_LIMITS.min}
          max={HISTORY_CAP_LIMITS.max}
          step={100}
          value={settings.historyCap}
          onChange={(event) => onChange({ historyCap: Number(event.currentTarget.value) })}
        />
        <p class="field-note">The oldest entries are removed beyond this.</p>
      </div>
      <div class="checkbox">
        <input
          id={`${idPrefix}-no-record`}
          type="checkbox"
          checked={!settings.recordHistory}
          onChange={(event) => onChange({ recordHistory: !event.currentTarget.checked })}
        />
        <label for={`${idPrefix}-no-record`}>Don't record history</label>
      </div>
      {settings.recordHistory ? null : <p class="warning">New requests show their result here but are not stored.</p>}
      <PageMenuSetting idPrefix={idPrefix} view={pageMenuView} />
      {withTrafficHosts ? (
        <TrafficHostsField
          idPrefix={idPrefix}
          hosts={settings.trafficHosts}
          onSave={(trafficHosts) => onChange({ trafficHosts })}
        />
      ) : null}
    </>
  );
}
