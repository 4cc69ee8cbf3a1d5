/**
 * The panel's "Page traffic: also capture these hosts" field, in the settings drawer over the fake client: refused
 * text keeps its message beside the field (aria-invalid, aria-describedby) and saves nothing; accepted text is
 * saved as the rule wrote it and shown back so; another view's change shows in the field. The popup has no such
 * field.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { createFakeClient } from './fake-client.ts';
import { renderPanel, renderPopup } from './views.tsx';

const LABEL = 'Page traffic: also capture these hosts';

async function openDrawer(trafficHosts: string[] = []) {
  const client = createFakeClient({ settings: { ...structuredClone(DEFAULT_SETTINGS), trafficHosts } });
  renderPanel(client);
  // The stored values are in: the drawer's fields will not be rendered again from the first paint's.
  await screen.findByRole('button', { name: 'Key: none' });
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  const field = (await screen.findByRole('textbox', { name: LABEL })) as HTMLTextAreaElement;
  return { client, field };
}

/** What a screen reader reads with the field, through aria-describedby. */
const describedText = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

/** Typing, then leaving the field (its change event). */
function enter(field: HTMLTextAreaElement, value: string) {
  fireEvent.input(field, { target: { value } });
  fireEvent.change(field);
}

describe('Page traffic hosts field', () => {
  it('refuses a bad entry with its message beside the field, and saves nothing', async () => {
    const { client, field } = await openDrawer(['kept.example']);
    enter(field, 'good.example, staging.example.com/api/partner');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(field)).toContain(
      'Entry 2 of 2: "staging.example.com/api/partner" has a path: enter the host alone ("staging.example.com").',
    );
    expect(client.stored.settings.trafficHosts).toEqual(['kept.example']);
    // The refused text stays for the operator to fix.
    expect(field.value).toBe('good.example, staging.example.com/api/partner');

    enter(field, 'good.example:99999');
    await waitFor(() => expect(describedText(field)).toContain('has a bad port ("99999")'));
    expect(client.stored.settings.trafficHosts).toEqual(['kept.example']);
  });

  it('saves good input as the rule wrote it, shows it back, and clears the message', async () => {
    const { client, field } = await openDrawer();
    enter(field, 'bad host/x');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));

    enter(field, 'Staging.Example.com, localhost:3000\nhttps://staging.example.com/api');
    await waitFor(() => expect(client.stored.settings.trafficHosts).toEqual(['staging.example.com', 'localhost:3000']));
    expect(field.value).toBe('staging.example.com\nlocalhost:3000');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(describedText(field)).not.toContain('has a');
    expect(screen.getByText('Saved: 2 hosts.').getAttribute('role')).toBe('status');

    // Emptied: no hosts of the operator's own.
    enter(field, '  ');
    await waitFor(() => expect(client.stored.settings.trafficHosts).toEqual([]));
    expect(field.value).toBe('');
  });

  it("shows the stored hosts, and another view's change to them", async () => {
    const { client, field } = await openDrawer(['a.example', 'b.example:8080']);
    expect(field.value).toBe('a.example\nb.example:8080');
    client.changeSettingsElsewhere((current) => ({ ...current, trafficHosts: ['c.example'] }));
    await waitFor(() => expect(field.value).toBe('c.example'));
  });

  it('is not in the popup', async () => {
    renderPopup(createFakeClient());
    const section = await screen.findByText('Settings', { selector: 'summary' });
    fireEvent.click(section);
    fireEvent(section.parentElement!, new Event('toggle'));
    await screen.findByLabelText('History limit (entries)');
    expect(screen.queryByRole('textbox', { name: LABEL })).toBeNull();
  });
});
