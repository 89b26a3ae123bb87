/**
 * A failure in the background reaches the page that asked: `askBackground` rejects with the
 * handler's error (lib/reply.ts) instead of resolving `null` that a caller would cast to a view,
 * and a lookup that worked carries no `degraded` mark (the lookup service's safety net did not
 * have to catch anything). Under LENS_BREAK (tests/support/breakage.ts) these tests go red.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setupBackground } from '../../lib/background';
import { createLookupService } from '../../lib/lookup-service';
import { askBackground } from '../../lib/messages';
import { MessageError, unwrapReply } from '../../lib/reply';
import { loadBundledPacks } from '../../scripts/lib/bundled-packs';

type Listener = (msg: unknown, sender: unknown, respond: (r: unknown) => void) => boolean | undefined;
const POPUP = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

/** Starts the background over `service` and routes the pages' `sendMessage` to its listener, as the browser does. */
function startBackground(service: ReturnType<typeof createLookupService>, sender: () => object = POPUP) {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  setupBackground(service);
  const listener = add.mock.calls.at(-1)![0] as unknown as Listener;
  add.mockRestore();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    (msg: unknown) => new Promise((resolve) => void (listener(msg, sender(), resolve) || resolve(undefined))) as never,
  );
}

const bundled = loadBundledPacks();
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // The fake browser lacks these; the background only registers listeners on them.
  const noop = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  const fb = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fb.contextMenus = { ...(fb.contextMenus ?? {}), onClicked: noop, create: () => 1, removeAll: async () => undefined };
  fb.commands = { onCommand: noop };
});

describe('a working background', () => {
  it('answers a lookup with the entry, not degraded, and an entry by id', async () => {
    startBackground(createLookupService(bundled));
    const view = await askBackground('lookup', { text: 'ICE detainer', source: 'popup' });
    expect(view.degraded).toBeUndefined();
    expect(view.result.results.length).toBeGreaterThan(0);
    expect((await askBackground('entry', { id: 'mpls-19.30' }))?.entry.id).toBe('mpls-19.30');
    // "No such entry" is an answer, not an error.
    expect(await askBackground('entry', { id: 'no-such-entry' })).toBeNull();
  });
});

describe('a failing handler', () => {
  it("rejects the sender's ask with the handler's error, and the worker keeps answering", async () => {
    const service = createLookupService(bundled);
    service.entryView = () => {
      throw new Error('entry view bug');
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startBackground(service);
    const failed = askBackground('entry', { id: 'mpls-19.30' });
    await expect(failed).rejects.toBeInstanceOf(MessageError);
    await expect(failed).rejects.toThrow(/entry failed: Error: entry view bug/);
    expect((await askBackground('packs', {})).packs.length).toBeGreaterThan(0);
  });
});

describe('no answer', () => {
  it('a sender the background refuses gets an error, not an empty answer', async () => {
    startBackground(createLookupService(bundled), () => ({ id: 'another-extension', url: 'https://example.org/' }));
    await expect(askBackground('lookup', { text: 'ICE hold', source: 'popup' })).rejects.toThrow(/lookup: no answer/);
  });

  it.each([
    ['null', () => Promise.resolve(null)],
    ['a bare view', () => Promise.resolve({ result: {}, views: {} })],
    ['a rejected send', () => Promise.reject(new Error('Receiving end does not exist'))],
  ])('%s is a MessageError', async (_name, answer) => {
    await expect(unwrapReply('lookup', answer())).rejects.toBeInstanceOf(MessageError);
  });
});
