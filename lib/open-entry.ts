/**
 * "Open full entry" on the in-page card: the entry's detail view in the side panel (Chrome) or
 * sidebar (Firefox). Both browsers open those only inside the reader's gesture, so the panel is
 * asked for first, before anything is awaited; the card's click reaches us as a message. When the
 * browser refuses (no gesture carried over, no panel API), the same page opens in a new tab next
 * to the reader's, which needs no permission.
 */
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundProtocol, PendingLookup } from './messages';

export interface OpenEntryDeps {
  /** Opens the side panel / sidebar; must be called synchronously inside the gesture. */
  openPanel(tab: Browser.tabs.Tab | undefined): Promise<boolean>;
  /** Hands the entry to the side panel (it asks with `takePending`); resolves once stored. */
  setPending(p: PendingLookup): Promise<unknown>;
}

export async function openEntryFromCard(id: string, tab: Browser.tabs.Tab | undefined, deps: OpenEntryDeps): Promise<BackgroundProtocol['openEntry']['res']> {
  const opening = deps.openPanel(tab);
  await deps.setPending({ text: '', at: Date.now(), reason: 'full-entry', entryId: id });
  if (await opening) return { opened: 'panel' };
  const url = `${browser.runtime.getURL('/sidepanel.html')}?entry=${encodeURIComponent(id)}`;
  const created = await browser.tabs
    .create({ url, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}) })
    .then(
      () => true,
      (err: unknown) => (console.debug('[Ordinance Lens] full entry tab not opened:', String(err)), false),
    );
  return { opened: created ? 'tab' : 'none' };
}
