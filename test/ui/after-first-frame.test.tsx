/**
 * A view's first frame builds none of what it cannot show: a closed menu's choices and the closed Export and
 * import controls come just after it (useAfterFirstFrame). What mounts later has no first frame to wait for.
 */
import { render } from 'preact';
import { waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

let container: HTMLElement;

beforeEach(() => {
  // The hook remembers, for the whole page, that the first frame was shown: each test starts a fresh page.
  vi.resetModules();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

async function menuButton() {
  return (await import('../../src/ui/components/MenuButton.tsx')).MenuButton;
}

it("a menu's first render holds its button but none of its choices; they are there just after", async () => {
  const MenuButton = await menuButton();
  render(
    <MenuButton id="outcome-menu" label="Outcome">
      <label>
        <input type="checkbox" /> Success
      </label>
    </MenuButton>,
    container,
  );
  expect(container.querySelector('button')?.textContent).toContain('Outcome');
  expect(container.querySelector('#outcome-menu')?.childElementCount).toBe(0);
  await waitFor(() => expect(container.querySelector('#outcome-menu')?.textContent).toContain('Success'));
});

it('a menu mounted after the first frame renders its choices at once', async () => {
  const MenuButton = await menuButton();
  render(<MenuButton id="first" label="First" children={<span>one</span>} />, container);
  await waitFor(() => expect(container.querySelector('#first')?.textContent).toBe('one'));
  const later = document.createElement('div');
  container.append(later);
  render(<MenuButton id="later" label="Later" children={<span>two</span>} />, later);
  expect(later.querySelector('#later')?.textContent).toBe('two');
  render(null, later);
});

it('the closed Export and import box renders its controls just after the first frame', async () => {
  const { HistoryTransfer } = await import('../../src/ui/components/HistoryTransfer.tsx');
  render(
    <HistoryTransfer
      total={3}
      filtered={1}
      onExport={() => Promise.resolve('')}
      onImport={() => Promise.resolve('')}
    />,
    container,
  );
  expect(container.querySelector('summary')?.textContent).toBe('Export and import');
  expect(container.querySelector('input[type="file"]')).toBeNull();
  await waitFor(() => expect(container.querySelector('input[type="file"]')).not.toBeNull());
  expect(container.textContent).toContain('Whole history (3)');
});
