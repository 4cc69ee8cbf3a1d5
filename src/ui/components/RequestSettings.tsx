import { HISTORY_CAP_LIMITS, TIMEOUT_LIMITS } from '../../core/linq/settings-rules.ts';
import type { Settings } from '../../core/settings.ts';
import type { PageMenuAccess } from '../client.ts';
import { usePageMenu } from '../usePageMenu.ts';
import { useKeysGuardedPageMenu } from '../firefox-page-menu-guard.ts';
import { NumberSettingField } from './NumberSettingField.tsx';
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
      <NumberSettingField
        id={`${idPrefix}-timeout`}
        label="Request timeout (seconds)"
        value={settings.timeoutMs / 1000}
        limits={{ min: TIMEOUT_LIMITS.min / 1000, max: TIMEOUT_LIMITS.max / 1000 }}
        unit="seconds"
        step={1}
        note={`${TIMEOUT_LIMITS.min / 1000}–${TIMEOUT_LIMITS.max / 1000} s. ${BROWSER.name} may end a background request after 30 s.`}
        onSave={(seconds) => onChange({ timeoutMs: seconds * 1000 })}
      />
      <NumberSettingField
        id={`${idPrefix}-history-cap`}
        label="History limit (entries)"
        value={settings.historyCap}
        limits={HISTORY_CAP_LIMITS}
        unit="entries"
        step={100}
        note="The oldest entries are removed beyond this."
        onSave={(historyCap) => onChange({ historyCap })}
      />
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
