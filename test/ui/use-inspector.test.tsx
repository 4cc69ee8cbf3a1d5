/** The view-state hook on its own (renderHook) over the fake client: environments, keys, what the worker may assume. */
import { act, renderHook, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { useInspector } from '../../src/ui/useInspector.ts';
import { createFakeClient } from './fake-client.ts';
import { CHAT } from './views.tsx';

function inspect(keys: Record<string, string> = { production: 'sk_prod', local: 'sk_local' }) {
  const client = createFakeClient({ keys });
  const initial = { settings: structuredClone(DEFAULT_SETTINGS), apiKey: keys.production ?? '' };
  const { result } = renderHook(() => useInspector(client, initial));
  return { client, result };
}

describe('useInspector', () => {
  it('switching environment brings its base URL and its own key, and clears the field messages', async () => {
    const { client, result } = inspect();
    await act(() => result.current.actions.fire('not a chat'));
    expect(result.current.state.errors.chatId).toBeDefined();
    act(() => result.current.actions.onSelectProfile('local'));
    expect(result.current.state.baseUrlText).toBe('http://127.0.0.1:4010');
    expect(result.current.state.errors).toEqual({});
    await waitFor(() => expect(result.current.state.apiKey).toBe('sk_local'));
    await waitFor(() => expect(client.stored.settings.activeProfileId).toBe('local'));
  });

  it('tells the worker when nothing changed since the last request, so it may reuse its last read', async () => {
    const { client, result } = inspect();
    await act(() => result.current.actions.fire(CHAT));
    await act(() => result.current.actions.fire(CHAT));
    act(() => client.changeSettingsElsewhere((current) => ({ ...current, timeoutMs: 20_000 })));
    await act(() => result.current.actions.fire(CHAT));
    await act(() => result.current.actions.onKeyInput('sk_new'));
    await act(() => result.current.actions.fire(CHAT));
    expect(client.sent.map((request) => 'settingsUnchanged' in request && request.settingsUnchanged)).toEqual([
      false, // a view's first request always counts as changed
      true,
      false, // heard of a change made elsewhere
      false, // wrote a key
    ]);
    // The key's write had landed before the request left.
    expect(client.stored.keys.production).toBe('sk_new');
  });

  it('adds a custom environment (a name no other has), renames it, and deletes it with its key', async () => {
    const { client, result } = inspect();
    act(() => result.current.actions.onAddProfile());
    const added = result.current.state.settings.profiles.at(-1)!;
    expect(added.name).toBe('Custom 1');
    expect(result.current.state.settings.activeProfileId).toBe(added.id);
    act(() => result.current.actions.onRenameProfile('production'));
    expect(result.current.state.errors.profileName).toBe('Another environment already has this name.');
    act(() => result.current.actions.onRenameProfile('Staging'));
    expect(result.current.state.errors.profileName).toBeUndefined();
    act(() => result.current.actions.onKeyInput('sk_staging'));
    await waitFor(() => expect(client.stored.keys[added.id]).toBe('sk_staging'));

    act(() => result.current.actions.onDeleteProfile());
    expect(result.current.state.settings.activeProfileId).toBe('production');
    await waitFor(() => expect(client.stored.keys[added.id]).toBeUndefined());
    expect(client.stored.settings.profiles.map((profile) => profile.id)).toEqual(['production', 'local']);
    await waitFor(() => expect(result.current.state.apiKey).toBe('sk_prod'));
  });
});
