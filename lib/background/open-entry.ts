/**
 * "Open full entry" on the in-page card: the entry's detail view in the side panel (Chrome) or
 * sidebar (Firefox). Both browsers open those only inside the reader's gesture, so the panel is
 * asked for first, before anything is awaited; the card's click reaches us as a message (Chrome
 * carries the gesture over, Firefox does not). When the browser refuses, the same page opens in a
 * new tab next to the reader's, which needs no permission.
 */
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundProtocol } from '../messages';
import type { BackgroundContext } from './context';
import type { Caller } from './handlers';
import { openPanel } from './panel';

export async function openEntry(ctx: BackgroundContext, msg: { id: string }, { sender }: Caller): Promise<BackgroundProtocol['openEntry']['res']> {
  const tab: Browser.tabs.Tab | undefined = sender.tab;
  const id = String(msg.id);
  const opening = openPanel(tab);
  ctx.pending.set({ text: '', at: Date.now(), reason: 'full-entry', entryId: id });
  await ctx.pending.stored();
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
