import { describe, expect, it } from 'vitest';
import { createEditTracker } from '../../src/ui/edit-tracker.ts';

describe('EditTracker: who changed what, in one view', () => {
  it('knows which fields the operator is editing', () => {
    const edits = createEditTracker();
    edits.begin('baseUrl');
    expect(edits.isEditing('baseUrl')).toBe(true);
    expect(edits.isEditing('apiKey')).toBe(false);
    edits.end('baseUrl');
    expect(edits.isEditing('baseUrl')).toBe(false);
  });

  it('a field written several times stays edited until the last of those writes has landed', async () => {
    const edits = createEditTracker();
    const lands: Array<() => void> = [];
    const written = [1, 2].map(() => edits.editedUntil('apiKey', new Promise<void>((resolve) => lands.push(resolve))));
    expect(edits.isEditing('apiKey')).toBe(true);
    lands[0]!();
    await written[0];
    expect(edits.isEditing('apiKey')).toBe(true);
    lands[1]!();
    await written[1];
    expect(edits.isEditing('apiKey')).toBe(false);
    // A failed write ends its part too.
    await edits.editedUntil('apiKey', Promise.reject(new Error('quota'))).catch(() => undefined);
    expect(edits.isEditing('apiKey')).toBe(false);
  });

  it('remembers what the operator changed since the view opened, key and settings apart', () => {
    const edits = createEditTracker();
    edits.wrote('key', Promise.resolve());
    expect(edits.changedSinceOpening('key')).toBe(true);
    expect(edits.changedSinceOpening('settings')).toBe(false);
    edits.heardOfChange();
    expect(edits.changedSinceOpening('settings')).toBe(false);
  });

  it('a request waits for the writes before it, even failed ones, and says if anything changed since', async () => {
    const edits = createEditTracker();
    expect(await edits.beforeRequest()).toEqual({ settingsUnchanged: false });
    expect(await edits.beforeRequest()).toEqual({ settingsUnchanged: true });
    let land: (() => void) | undefined;
    edits.wrote('settings', new Promise<void>((resolve) => (land = resolve)));
    edits.wrote('key', Promise.reject(new Error('quota')));
    let sent = false;
    const request = edits.beforeRequest().then((answer) => ((sent = true), answer));
    await Promise.resolve();
    expect(sent).toBe(false);
    land?.();
    expect(await request).toEqual({ settingsUnchanged: false });
    edits.heardOfChange();
    expect(await edits.beforeRequest()).toEqual({ settingsUnchanged: false });
    expect(await edits.beforeRequest()).toEqual({ settingsUnchanged: true });
  });
});
