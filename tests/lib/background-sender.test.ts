/**
 * Every message is checked against its sender: a content script (in a page's tab) can only be
 * our card, and only about its own lookup. It cannot take the lookup pending for the side panel
 * (another tab's selection) nor write history, and its lookups are recorded only for a tab and
 * frame we injected the card into. Our own pages (extension URLs) may ask anything.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setupBackground } from '../../lib/background';
import { createLookupService } from '../../lib/lookup-service';
import { bundledPacks } from '../support/bundled';
import { readHistory } from '../../lib/storage/history';
import { replyValue } from '../support/reply';

type Listener = (msg: unknown, sender: unknown, respond: (r: unknown) => void) => boolean | undefined;
const service = createLookupService(bundledPacks());

let listener: Listener;
let handlers: ReturnType<typeof setupBackground>;
beforeEach(() => {
  fakeBrowser.reset();
  const noop = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  const fb = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fb.contextMenus = { ...fb.contextMenus, onClicked: noop, create: () => 1, removeAll: async () => undefined };
  fb.commands = { onCommand: noop };
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  handlers = setupBackground(service);
  listener = add.mock.calls.at(-1)![0] as unknown as Listener;
  add.mockRestore();
});

/** Resolves with the answer, or 'refused' when the listener does not take the message. */
const ask = (msg: unknown, sender: Record<string, unknown>) =>
  new Promise<unknown>((resolve) => {
    if (!listener(msg, { id: fakeBrowser.runtime.id, ...sender }, resolve)) resolve('refused');
  }).then(replyValue);
const page = { url: fakeBrowser.runtime.getURL('/popup.html') };
const card = (tabId: number, frameId = 0) => ({ url: 'https://news.example/article', tab: { id: tabId }, frameId });

async function pendingFor(text: string) {
  // A lookup that went to the side panel (tab without an id): the background keeps it pending.
  await handlers.lookupInTab({ tab: undefined, text });
}

describe('message senders', () => {
  it('our own page takes the pending lookup; a page script in another tab cannot', async () => {
    await pendingFor('secret selection in tab 1');
    expect(await ask({ type: 'takePending' }, card(2))).toBe('refused');
    expect(await ask({ type: 'takePending' }, { ...page, url: undefined })).toBe('refused');
    expect(await ask({ type: 'takePending' }, page)).toMatchObject({ text: 'secret selection in tab 1' });
  });

  it('a content script cannot write history', async () => {
    expect(await ask({ type: 'recordHistory', query: 'planted' }, card(2))).toBe('refused');
    await new Promise((r) => setTimeout(r, 20));
    expect(await readHistory()).toEqual([]);
    expect(await ask({ type: 'recordHistory', query: 'from the popup' }, page)).toEqual({ ok: true });
    expect((await readHistory()).map((h) => h.query)).toEqual(['from the popup']);
  });

  it('a content script in a frame we did not inject into gets answers but records nothing', async () => {
    const view = (await ask({ type: 'lookup', text: 'ICE hold', source: 'card', record: true }, card(7))) as { result: { results: unknown[] } };
    expect(view.result.results.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(await readHistory()).toEqual([]);
  });

  it('"Clear history" goes through the background (one queue with the lookups it records); a page script cannot send it', async () => {
    expect(await ask({ type: 'recordHistory', query: 'kept until cleared' }, page)).toEqual({ ok: true });
    expect(await ask({ type: 'clearHistory' }, card(2))).toBe('refused');
    expect((await readHistory()).length).toBe(1);
    expect(await ask({ type: 'clearHistory' }, page)).toEqual({ ok: true });
    expect(await readHistory()).toEqual([]);
  });

  it('"Open full entry" is refused to a card in a frame we did not inject into; otherwise the entry is handed to the side panel', async () => {
    expect(await ask({ type: 'openEntry', id: 'mpls-19.30' }, card(9))).toBe('refused');
    // No side panel in the fake browser: the page opens in a tab, and the panel page would show the entry.
    expect(await ask({ type: 'openEntry', id: 'mpls-19.30' }, page)).toEqual({ opened: 'tab' });
    expect(await ask({ type: 'takePending' }, page)).toMatchObject({ reason: 'full-entry', entryId: 'mpls-19.30' });
  });

  it('the bundled packs whole go to our pages (the large import builds its index with them), never to a card', async () => {
    expect(await ask({ type: 'bundledPacks' }, card(1))).toBe('refused');
    const got = (await ask({ type: 'bundledPacks' }, page)) as { id: string; entries: unknown[] }[];
    expect(got.map((p) => [p.id, p.entries.length])).toEqual(bundledPacks().map((p) => [p.id, p.entries.length]));
  });

  it('a message from another extension is refused', async () => {
    expect(await new Promise((r) => (listener({ type: 'packs' }, { id: 'someone-else', ...page }, r) ? undefined : r('refused')))).toBe('refused');
  });
});
