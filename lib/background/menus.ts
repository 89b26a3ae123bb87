/**
 * The two ways a reader asks for a card: the context-menu item on a selection and the keyboard
 * command. Both go to `lookupInTab`; the command first finds the frame that holds the selection
 * (the menu names it).
 */
import { browser, type Browser } from 'wxt/browser';
import { findSelectionFrame } from '../frames';
import type { BackgroundContext } from './context';
import { lookupInTab } from './lookup-in-tab';
import type { LookupOutcome } from './lookup-types';
import { cardBlockedReason, cardOffFor, isFirefox } from './where-card';

export const MENU_ID = 'ordinance-lens-explain';
export const COMMAND_ID = 'explain-selection';

/** The keyboard command: the card goes to the frame that holds the selection. */
export async function commandInTab(ctx: BackgroundContext, tab: Browser.tabs.Tab | undefined): Promise<LookupOutcome> {
  const settings = ctx.settings.now();
  const blocked = cardBlockedReason(tab?.url) ?? (settings && cardOffFor(settings, tab?.url) ? 'card-off' : undefined);
  if (blocked || tab?.id === undefined || tab.id < 0) return lookupInTab(ctx, { tab, frameId: 0 }); // keeps the gesture for the panel
  return lookupInTab(ctx, { tab, frameId: await findSelectionFrame(tab.id) });
}

export function listenForMenusAndCommands(ctx: BackgroundContext): void {
  // Menus survive worker restarts but not updates; recreating them is cheap and idempotent.
  const createMenu = () =>
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: 'Explain “%s” with Ordinance Lens', contexts: ['selection'] }),
    );
  browser.runtime.onInstalled.addListener(() => void createMenu());
  browser.runtime.onStartup?.addListener(() => void createMenu());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    void lookupInTab(ctx, {
      tab,
      frameId: info.frameId ?? 0,
      ...(info.selectionText ? { text: info.selectionText } : {}),
      ...(info.pageUrl ? { pageUrl: info.pageUrl } : {}),
      ...(info.frameUrl ? { frameUrl: info.frameUrl } : {}),
    });
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === COMMAND_ID) void commandInTab(ctx, tab);
  });

  if (!isFirefox() && browser.sidePanel?.setPanelBehavior) {
    // The toolbar button opens the popup; the side panel opens only when a card cannot.
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  }
}
