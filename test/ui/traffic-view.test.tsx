/**
 * The Page traffic view (issue 15, item 3, and Open HAR file of item 4), over a fake TrafficClient whose
 * entries readHar reads from a small HAR text: real TrafficEntry objects, decoded and redacted as the capture's.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from './fake-client.ts';
import { TRAFFIC_COLUMNS } from '../../src/ui/components/TrafficRow.tsx';
import {
  createFakeTraffic,
  harText,
  linqError,
  PAGE_SPECS,
  pageEntries,
  TRAFFIC_CHAT,
  TRAFFIC_KEY,
} from './fake-traffic.ts';
import { renderPanel } from './views.tsx';

async function openTraffic(traffic = createFakeTraffic({ entries: pageEntries() })) {
  const client = createFakeClient();
  renderPanel(client, { traffic });
  fireEvent.click(await screen.findByRole('tab', { name: 'Page traffic' }));
  // The view's code loads the first time it opens.
  await screen.findByRole('searchbox', { name: 'Search page traffic' });
  return { client, traffic };
}

const table = () => screen.findByRole('listbox', { name: 'Page traffic entries' });
const rows = async () => within(await table()).getAllByRole('option');

/** The page's three Linq errors, a success (newest but one) and a 502 that is not an envelope (newest). */
const mixedTraffic = () =>
  createFakeTraffic({
    entries: pageEntries([
      ...PAGE_SPECS,
      { url: 'https://api.linqapp.com/api/partner/v3/chats', status: 200, body: '{"chats":[]}' },
      { url: 'https://api.linqapp.com/api/partner/v3/chats/x', status: 502, statusText: 'Bad Gateway', body: 'down' },
    ]),
  });

// The menus are popovers; their boxes are found whether or not the menu is open, as the e2e harness finds them.
const box = (menu: 'Outcome' | 'Code family', name: string) =>
  within(screen.getByRole('group', { name: menu, hidden: true })).getByRole('checkbox', { name, hidden: true });
const codesShown = async () =>
  (await rows()).map((row) => /Code and meaning page (\d{4}|\d{3} )/.exec(row.getAttribute('aria-label') ?? '')?.[1]);

async function openRow(name: RegExp) {
  fireEvent.click(within(await table()).getByRole('option', { name }));
  return screen.findByRole('region', { name: 'Traffic entry details' });
}

describe('Page traffic view', () => {
  it('is a third tab beside Requests and Codes, with its own tabpanel', async () => {
    await openTraffic();
    const tab = screen.getByRole('tab', { name: 'Page traffic' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tablist').textContent).toBe('RequestsCodesPage traffic');
    expect(await screen.findByRole('tabpanel', { name: 'Page traffic' })).toBeTruthy();
  });

  it('lists the Linq requests decoded: code and meaning, source, and only docs.linqapp.com links', async () => {
    await openTraffic();
    const options = await rows();
    // The CDN script is not Linq traffic: readHar left it out.
    expect(options).toHaveLength(3);
    expect(options[0]!.getAttribute('aria-label')).toMatch(
      /^Time \S+ Method GET Host and path api\.linqapp\.com\/.*Status 429 Linq error Code and meaning page 1007/,
    );
    expect(options.map((row) => row.textContent)).toEqual([
      expect.stringContaining('1007'),
      expect.stringContaining('2005'),
      expect.stringContaining('2001'),
    ]);
    expect(screen.getByText('3 requests')).toBeTruthy();
    const details = await openRow(/2001/);
    const links = within(details).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^https:\/\/docs\.linqapp\.com\//);
    expect(document.body.textContent).not.toContain(TRAFFIC_KEY);
  });

  it('filters by search, and says when nothing matches', async () => {
    await openTraffic();
    const search = screen.getByRole('searchbox', { name: 'Search page traffic' });
    fireEvent.input(search, { target: { value: 'trace-2005' } });
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    expect((await rows())[0]!.textContent).toContain('2005');
    expect(screen.getByText('1 of 3 requests')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'delete 403' } });
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    fireEvent.input(search, { target: { value: 'nothing-like-this' } });
    await screen.findByText('No requests match the search.');
  });

  it('opens a row in details: the source note, the request, headers redacted, the body as text, no Retry', async () => {
    await openTraffic();
    const details = await openRow(/2001/);
    expect(details.textContent).toContain('From the inspected page');
    expect(details.textContent).toContain(`POST https://api.linqapp.com/api/partner/v3/chats/${TRAFFIC_CHAT}/typing`);
    const requestHeaders = within(details).getByRole('table', { name: 'Request headers' });
    expect(requestHeaders.textContent).toContain('Bearer [redacted]');
    expect(within(details).getByRole('region', { name: 'Response body preview' }).textContent).toContain(
      'Chat not found',
    );
    expect(within(details).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('Copy as cURL copies a command with $LINQ_API_KEY and no key, and confirms it', async () => {
    const { client } = await openTraffic();
    const details = await openRow(/2001/);
    fireEvent.click(within(details).getByRole('button', { name: 'Copy as cURL' }));
    await within(details).findByText('Copied the cURL command (key as $LINQ_API_KEY).');
    expect(client.copied).toHaveLength(1);
    expect(client.copied[0]).toContain('Authorization: Bearer ${LINQ_API_KEY');
    expect(client.copied[0]).toContain(`/chats/${TRAFFIC_CHAT}/typing`);
    expect(client.copied[0]).not.toContain(TRAFFIC_KEY);
    fireEvent.click(within(details).getByRole('button', { name: 'Copy support report' }));
    await within(details).findByText('Copied the support report.');
    expect(client.copied[1]).toContain('Source: the inspected page');
    expect(client.copied[1]).not.toContain(TRAFFIC_KEY);
  });

  it('says a failed copy out loud', async () => {
    const { client } = await openTraffic();
    client.copyText = () => Promise.reject(new Error('clipboard refused'));
    const details = await openRow(/2001/);
    fireEvent.click(within(details).getByRole('button', { name: 'Copy as cURL' }));
    await within(details).findByText('Copy failed: clipboard refused');
  });

  it('Look up code goes to the Codes view on that code', async () => {
    await openTraffic();
    const details = await openRow(/2005/);
    fireEvent.click(within(details).getByRole('button', { name: 'Look up 2005 in Codes' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Codes' }).getAttribute('aria-selected')).toBe('true'));
    await screen.findByRole('tabpanel', { name: 'Codes' });
  });

  it('empty inside DevTools: says what it captures and that earlier requests appear after a reload', async () => {
    await openTraffic(createFakeTraffic());
    const panel = await screen.findByRole('tabpanel', { name: 'Page traffic' });
    await waitFor(() =>
      expect(panel.textContent).toContain("to api.linqapp.com, or any answer in Linq's error envelope"),
    );
    expect(panel.textContent).toContain('Requests made before DevTools opened appear after a reload of the page.');
    expect(screen.getByRole('button', { name: 'Clear' }).hasAttribute('disabled')).toBe(true);
  });

  it('empty as a tab: says page traffic is captured only inside DevTools, and HAR files can still be opened', async () => {
    await openTraffic(createFakeTraffic({ capturing: false }));
    const panel = await screen.findByRole('tabpanel', { name: 'Page traffic' });
    await waitFor(() => expect(panel.textContent).toContain('Page traffic is captured only inside DevTools'));
    expect(panel.textContent).toContain('HAR files can still be opened here');
  });

  it("Open HAR file… adds the file's Linq requests and confirms; a refusal is an alert", async () => {
    const { client, traffic } = await openTraffic(createFakeTraffic({ capturing: false }));
    const input = await screen.findByLabelText('Open HAR file…');
    expect(input.getAttribute('accept')).toBe('.har,.json');
    const har = harText([
      { url: 'https://api.linqapp.com/api/partner/v3/chats', status: 400, body: linqError(400, 1002, 'Bad') },
      { url: 'https://cdn.example.com/a.js', status: 200, body: 'x' },
      { url: 'https://api.linqapp.com/api/partner/v3/chats/x', status: 404, body: linqError(404, 2001, 'Gone') },
    ]);
    const withBroken = har.replace('"entries":[', '"entries":[{"request":"broken"},');
    fireEvent.change(input, { target: { files: [new File([withBroken], 'session.har')] } });
    const status = await screen.findByText(/^Opened session\.har:/);
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('Opened session.har: 2 Linq requests of 4 (1 entry could not be read).');
    expect(traffic.opened).toEqual(['session.har']);
    const options = await rows();
    expect(options).toHaveLength(2);
    expect(options[0]!.textContent).toContain('session.har');
    const details = await openRow(/1002/);
    expect(details.textContent).toContain('From session.har');

    fireEvent.change(input, { target: { files: [new File(['{"not": "a har"'], 'notes.json')] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not open notes.json: not JSON.');
    // Page traffic is never written to the request history.
    expect(client.stored.history).toHaveLength(0);
    fireEvent.click(screen.getByRole('tab', { name: 'Requests' }));
    await screen.findByText('No requests yet.');
  });

  it('Clear empties the view through the client', async () => {
    const { traffic } = await openTraffic();
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(traffic.cleared).toBe(1);
    await screen.findByText(/No Linq requests yet/);
  });
  it("draws the table's own column names, not the Requests table's", async () => {
    await openTraffic();
    const head = (await table()).closest('.virtual-scroll')!.querySelector('.table-head')!;
    expect([...head.children].map((cell) => cell.textContent)).toEqual([...TRAFFIC_COLUMNS]);
    expect(head.textContent).not.toContain('Operation');
    expect(head.textContent).not.toContain('Chat ID');
  });

  it('Export JSON and Export HAR save what the search shows through the client, and confirm it', async () => {
    const { client } = await openTraffic();
    const saved: Array<{ fileName: string; mimeType: string; text: string }> = [];
    client.saveFile = (fileName, mimeType, text) => void saved.push({ fileName, mimeType, text });
    await rows();
    const json = screen.getByRole('button', { name: 'Export JSON' });
    expect(json.getAttribute('title')).toBe('Save all 3 requests as JSON');
    fireEvent.click(json);
    const status = await screen.findByText('Exported 3 requests as JSON.');
    expect(status.getAttribute('role')).toBe('status');
    expect(saved[0]!.fileName).toMatch(/^linq-page-traffic-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    expect(saved[0]!.mimeType).toBe('application/json');
    const file = JSON.parse(saved[0]!.text) as { format: string; entries: Array<{ outcome: { code?: number } }> };
    expect(file.format).toBe('linq-typing-inspector.page-traffic');
    expect(file.entries.map((entry) => entry.outcome.code)).toEqual([1007, 2005, 2001]);

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search page traffic' }), { target: { value: '2005' } });
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    const har = screen.getByRole('button', { name: 'Export HAR' });
    expect(har.getAttribute('title')).toBe('Save the 1 request the search shows as HAR');
    fireEvent.click(har);
    await screen.findByText('Exported 1 request as HAR.');
    expect(saved[1]!.fileName).toMatch(/^linq-page-traffic-.*\.har$/);
    const log = (JSON.parse(saved[1]!.text) as { log: { entries: Array<{ response: { status: number } }> } }).log;
    expect(log.entries.map((entry) => entry.response.status)).toEqual([403]);
    for (const { text } of saved) expect(text).not.toContain(TRAFFIC_KEY);
  });

  it('Export is disabled with no entries, and a failed save is an alert', async () => {
    await openTraffic(createFakeTraffic());
    await screen.findByText(/No Linq requests yet/);
    expect(screen.getByRole('button', { name: 'Export JSON' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Export HAR' }).hasAttribute('disabled')).toBe(true);
    cleanup();
    const { client } = await openTraffic();
    client.saveFile = () => {
      throw new Error('downloads refused');
    };
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Export HAR' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Export failed: downloads refused');
  });

  it('"/" and Ctrl+F focus the search; Esc closes the details, then clears the search; Ctrl+Enter does nothing', async () => {
    await openTraffic();
    const search = screen.getByRole('searchbox', { name: 'Search page traffic' }) as HTMLInputElement;
    // The view's effects (its key listener among them) have run once its rows are in.
    await rows();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
    (await table()).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(search);

    fireEvent.input(search, { target: { value: '2005' } });
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    const details = await openRow(/2005/);
    within(details).getByRole('button', { name: 'Copy as cURL' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Traffic entry details' })).toBeNull());
    // Focus in the closed pane goes back to the table.
    expect(document.activeElement).toBe(await table());
    expect(search.value).toBe('2005');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(search.value).toBe(''));
    await waitFor(async () => expect(await rows()).toHaveLength(3));

    const enter = fireEvent.keyDown(document.body, { key: 'Enter', ctrlKey: true });
    expect(enter).toBe(true);
  });

  it('Outcome and Code family menus narrow the rows and the count, with only the kinds page traffic can have', async () => {
    await openTraffic(mixedTraffic());
    expect(await rows()).toHaveLength(5);
    expect(screen.getByText('5 requests')).toBeTruthy();
    const outcome = screen.getByRole('group', { name: 'Outcome', hidden: true });
    expect(
      within(outcome)
        .getAllByRole('checkbox', { hidden: true })
        .map((one) => one.parentElement!.textContent),
    ).toEqual(['Success', 'Linq error', 'HTTP failure', 'Network failure']);

    fireEvent.click(box('Outcome', 'Linq error'));
    await waitFor(async () => expect(await rows()).toHaveLength(3));
    expect(await codesShown()).toEqual(['1007', '2005', '2001']);
    expect(screen.getByText('3 of 5 requests')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Outcome \(1\)/ })).toBeTruthy();
    fireEvent.click(box('Outcome', 'HTTP failure'));
    await waitFor(async () => expect(await rows()).toHaveLength(4));
    expect((await rows())[0]!.getAttribute('aria-label')).toContain('Status 502 HTTP failure');

    fireEvent.click(box('Code family', '2xxx resource'));
    await waitFor(async () => expect(await codesShown()).toEqual(['2005', '2001']));
    expect(screen.getByText('2 of 5 requests')).toBeTruthy();
    fireEvent.click(box('Code family', '1xxx request'));
    await waitFor(async () => expect(await codesShown()).toEqual(['1007', '2005', '2001']));

    fireEvent.click(box('Outcome', 'Linq error'));
    fireEvent.click(box('Outcome', 'HTTP failure'));
    fireEvent.click(box('Outcome', 'Success'));
    // A success has no code: no family takes it.
    await screen.findByText('No requests match the filters.');
    expect(screen.getByText('0 of 5 requests')).toBeTruthy();
    const search = screen.getByRole('searchbox', { name: 'Search page traffic' }) as HTMLInputElement;
    fireEvent.input(search, { target: { value: 'chats' } });
    await screen.findByText('No requests match the search and filters.');
    // Esc clears the search and keeps the filters.
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(search.value).toBe(''));
    await screen.findByText('No requests match the filters.');
    expect((box('Outcome', 'Success') as HTMLInputElement).checked).toBe(true);

    // The two views' filter bars have ids of their own.
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('history-search');
    expect(ids).not.toContain('filter-outcome');
  });

  it('Export saves the rows the filters show, and says which', async () => {
    const { client } = await openTraffic(mixedTraffic());
    const saved: string[] = [];
    client.saveFile = (_fileName, _mimeType, text) => void saved.push(text);
    fireEvent.click(box('Code family', '2xxx resource'));
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    const json = screen.getByRole('button', { name: 'Export JSON' });
    expect(json.getAttribute('title')).toBe('Save the 2 requests the filters show as JSON');
    fireEvent.click(json);
    await screen.findByText('Exported 2 requests as JSON.');
    const file = JSON.parse(saved[0]!) as { entries: Array<{ outcome: { code?: number } }> };
    expect(file.entries.map((entry) => entry.outcome.code)).toEqual([2005, 2001]);

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search page traffic' }), { target: { value: 'post' } });
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    const har = screen.getByRole('button', { name: 'Export HAR' });
    expect(har.getAttribute('title')).toBe('Save the 1 request the search and filters show as HAR');
    fireEvent.click(har);
    await screen.findByText('Exported 1 request as HAR.');
    const log = (JSON.parse(saved[1]!) as { log: { entries: Array<{ response: { status: number } }> } }).log;
    expect(log.entries.map((entry) => entry.response.status)).toEqual([404]);

    // Boxes ticked that hide nothing: Export says "all" again.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search page traffic' }), { target: { value: '' } });
    fireEvent.click(box('Code family', '2xxx resource'));
    for (const kind of ['Success', 'Linq error', 'HTTP failure', 'Network failure'])
      fireEvent.click(box('Outcome', kind));
    await waitFor(async () => expect(await rows()).toHaveLength(5));
    expect(screen.getByRole('button', { name: 'Export JSON' }).getAttribute('title')).toBe(
      'Save all 5 requests as JSON',
    );
    for (const text of saved) expect(text).not.toContain(TRAFFIC_KEY);
  });
});
