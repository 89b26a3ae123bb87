/**
 * The background program, in rooms: the settings cache (settings-cache.ts), the imported packs
 * and their index (pack-loader.ts), the lookup that puts a card in a tab or the side panel
 * (lookup-in-tab.ts, panel.ts, where-card.ts), the message router and its handlers (router.ts,
 * handlers.ts), and the menu and keyboard command (menus.ts). This file only wires them.
 */
import { browser, type Browser } from 'wxt/browser';
import type { LookupService } from '../lookup-service';
import { InjectedFrames } from '../sender-check';
import type { BackgroundContext } from './context';
import { lookupInTab } from './lookup-in-tab';
import type { LookupOutcome, LookupRequest } from './lookup-types';
import { commandInTab, listenForMenusAndCommands } from './menus';
import { createPackLoader } from './pack-loader';
import { PendingLookups } from './panel';
import { listenForMessages } from './router';
import { createSettingsCache } from './settings-cache';

export { cardBlockedReason, cardOffFor, hostOf } from './where-card';
export { CARD_SCRIPT, CARD_ANSWER_DEADLINE_MS, INJECT_DEADLINE_MS } from './lookup-in-tab';
export { COMMAND_ID, MENU_ID } from './menus';
export { wallClock, type LookupOutcome, type LookupRequest } from './lookup-types';

const activeTab = async (): Promise<Browser.tabs.Tab | undefined> => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];

export function setupBackground(service: LookupService) {
  const ctx: BackgroundContext = {
    service,
    settings: createSettingsCache(),
    packs: createPackLoader(service),
    pending: new PendingLookups(),
    injectedFrames: new InjectedFrames(),
  };
  listenForMessages(ctx);
  listenForMenusAndCommands(ctx);
  return {
    lookupInTab: (req: LookupRequest): Promise<LookupOutcome> => lookupInTab(ctx, req),
    /** The e2e hook's keyboard command on the active tab (as Alt+Shift+L there). */
    commandInActiveTab: async (): Promise<LookupOutcome> => commandInTab(ctx, await activeTab()),
    /** The e2e hook's entry: the active tab of the last focused window, as the menu would see it. */
    async lookupInActiveTab(text?: string, url?: string): Promise<LookupOutcome> {
      // A test may name the page's URL: found only where the build may see URLs (e2e host permission).
      const byUrl = url ? await browser.tabs.query({ url: url.replace(/#.*$/, '') }).catch(() => []) : [];
      const tab = byUrl[0] ?? (await activeTab());
      return lookupInTab(ctx, { tab, frameId: 0, ...(text !== undefined ? { text } : {}), ...(tab?.url ? { pageUrl: tab.url } : {}) });
    },
  };
}
