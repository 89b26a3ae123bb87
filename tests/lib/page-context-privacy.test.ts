/**
 * The page around a selection is used for that one lookup and kept nowhere: a recorded lookup
 * that carried page context leaves no word of the context in history or in any storage area,
 * while the context did change the answer (so the test would notice if it were ignored).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setupBackground } from '../../lib/background';
import { createLookupService } from '../../lib/lookup-service';
import { loadBundledPacks } from '../../scripts/lib/bundled-packs';
import { readHistory } from '../../lib/storage/history';
import { replyValue } from '../support/reply';

type Listener = (msg: unknown, sender: unknown, respond: (r: unknown) => void) => boolean | undefined;
const service = createLookupService(loadBundledPacks());
let listener: Listener;

beforeEach(() => {
  fakeBrowser.reset();
  const noop = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  const fb = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fb.contextMenus = { ...(fb.contextMenus ?? {}), onClicked: noop, create: () => 1, removeAll: async () => undefined };
  fb.commands = { onCommand: noop };
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  setupBackground(service);
  listener = add.mock.calls.at(-1)![0] as unknown as Listener;
  add.mockRestore();
});

const ask = (msg: unknown) =>
  new Promise<{ result: { results: { id: string }[] } }>((resolve) => {
    listener(msg, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }, (r) => resolve(replyValue(r)));
  });

const MARKER = 'Zanzibarquill';
const context = { text: `Saint Paul council members voted on the ordinance; ${MARKER} said the St. Paul measure bars masked officers.`, title: `St. Paul passes mask rule ${MARKER}`, url: `https://example.org/st-paul/${MARKER}` };

describe('page context', () => {
  it('changes the answer to a referring selection', async () => {
    const without = await ask({ type: 'lookup', text: 'the ordinance', source: 'popup' });
    const withCtx = await ask({ type: 'lookup', text: 'the ordinance', source: 'card', context });
    expect(withCtx.result.results[0]?.id).not.toBe(without.result.results[0]?.id);
  });

  it('is kept nowhere: not in history, not in any storage area', async () => {
    await ask({ type: 'lookup', text: 'the ordinance', source: 'popup', record: true, context });
    await new Promise((r) => setTimeout(r, 50));
    const history = await readHistory();
    expect(history.map((h) => h.query)).toEqual(['the ordinance']);
    for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync]) {
      expect(JSON.stringify(await area.get(null))).not.toContain(MARKER);
    }
  });
});
