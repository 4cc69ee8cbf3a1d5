/**
 * The Page traffic view (issue 15, item 3, and Open HAR file of item 4), over a fake TrafficClient whose
 * entries readHar reads from a small HAR text: real TrafficEntry objects, decoded and redacted as the capture's.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from './fake-client.ts';
import { createFakeTraffic, harText, linqError, pageEntries, TRAFFIC_CHAT, TRAFFIC_KEY } from './fake-traffic.ts';
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
});
