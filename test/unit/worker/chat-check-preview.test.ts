import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkChatRequest } from '../../../src/background/chat-check.ts';
import { BODY_PREVIEW_MAX, send } from '../../../src/background/transport.ts';
import { stopTyping } from '../../../src/background/typing-request.ts';
import { updateProfile } from '../../../src/core/settings.ts';
import { hostileId } from '../../mock-linq/scenarios.ts';
import { startMockLinq, type MockLinq } from '../../mock-linq/server.ts';
import { KEY, makeDeps } from './fixtures.ts';

/**
 * A failed chat check keeps what a typing call keeps: the check reads up to 512 KiB to parse a chat, but a failure's
 * body is decoded and stored as the same 16 KiB preview, marked cut (the fault suite's rule, test/e2e/fault).
 */
let mock: MockLinq;
beforeAll(async () => {
  mock = await startMockLinq();
});
afterAll(() => mock.close());

async function realDeps() {
  const made = makeDeps({
    now: () => Date.now(),
    send: (request, ms, bodyMax) => send(request, ms, (url, init) => fetch(url, init), bodyMax),
  });
  await made.keys.save('production', KEY, false);
  await made.settings.update((current) => updateProfile(current, 'production', { baseUrl: `${mock.url}/api/partner` }));
  return made.deps;
}

async function both(chatId: string) {
  const deps = await realDeps();
  const check = await checkChatRequest(chatId, deps);
  const typing = await stopTyping(chatId, deps);
  if (!check.ok || !typing.ok) throw new Error('not sent');
  return { check: check.entry, typing: typing.entry };
}

describe('Check chat: a failure keeps the preview any request keeps', () => {
  it('a 2.5 MiB 500: cut at 16 KiB and decoded as a typing call decodes it', async () => {
    const { check, typing } = await both(hostileId(0x01));
    expect(check.response?.bodyPreview).toHaveLength(BODY_PREVIEW_MAX);
    expect(check.response?.bodyTruncated).toBe(true);
    expect(check.response?.bodyPreview).toBe(typing.response?.bodyPreview);
    expect(check.outcome).toMatchObject({ kind: 'http_failure', note: expect.stringMatching(/too large/) });
    const { traceId: _check, ...checkOutcome } = check.outcome!;
    const { traceId: _typing, ...typingOutcome } = typing.outcome!;
    expect(checkOutcome).toEqual(typingOutcome);
  });

  it('a key echoed across the cut: the preview cut there and redacted as a typing call’s, key fragment included', async () => {
    const { check, typing } = await both(hostileId(0x86));
    const preview = check.response?.bodyPreview ?? '';
    expect(preview.length).toBeLessThanOrEqual(BODY_PREVIEW_MAX);
    expect(check.response?.bodyTruncated).toBe(true);
    expect(preview).toBe(typing.response?.bodyPreview);
    expect(preview.endsWith('[redacted]')).toBe(true);
    // Not the key, nor the start of it left at the end by the cut.
    expect(preview).not.toContain(KEY.slice(0, 4));
  });

  it('a body within the preview is kept whole, not marked cut', async () => {
    const { check } = await both(hostileId(0x85));
    expect(check.outcome?.kind).toBe('http_failure');
    expect(check.response?.bodyTruncated).toBe(false);
    expect(check.response?.bodyPreview).toContain('<h1>401 Unauthorized</h1>');
  });
});
