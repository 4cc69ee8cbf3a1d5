import type { NarrowedBy } from './ExportTraffic.tsx';

/**
 * What the Page traffic table says with no row to show: that the search or filters hide every entry, or, with
 * none yet, what this view captures (inside DevTools) or that it captures nothing (opened as a tab).
 */
export function EmptyTraffic({ capturing, narrowedBy }: { capturing: boolean; narrowedBy: NarrowedBy | undefined }) {
  if (narrowedBy)
    return (
      <p class="empty" tabIndex={-1}>
        No requests match the {narrowedBy}.
      </p>
    );
  if (!capturing)
    return (
      <div class="empty traffic-empty" tabIndex={-1}>
        <p>
          Page traffic is captured only inside DevTools: this panel is open as a tab, with no inspected page. Open it
          from the Linq panel of DevTools to see a page's requests.
        </p>
        <p>HAR files can still be opened here, with Open HAR file….</p>
      </div>
    );
  return (
    <div class="empty traffic-empty" tabIndex={-1}>
      <p>
        No Linq requests yet. This view shows the Linq requests the inspected page makes: to api.linqapp.com, or any
        answer in Linq's error envelope.
      </p>
      <p>Requests made before DevTools opened appear after a reload of the page.</p>
    </div>
  );
}
