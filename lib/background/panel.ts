/**
 * The side panel (Chrome) or sidebar (Firefox), where a lookup goes when no card can show it,
 * and the lookup handed to it (`PendingLookups`), which the panel takes when it opens.
 */
import { browser, type Browser } from 'wxt/browser';
import { capText } from '../storage/history';
import { MAX_SELECTION_CHARS, type PendingLookup } from '../messages';
import { isFirefox } from './where-card';
import type { LookupOutcome, LookupRequest } from './lookup-types';

const PENDING_KEY = 'pendingLookup';
/** A pending lookup is left in place this long, so both a side panel and a fallback window can show it. */
const PENDING_MS = 60_000;

/** The lookup the side panel should show: kept in memory and in storage.session (a restarted worker still has it). */
export class PendingLookups {
  private pending: PendingLookup | null = null;
  private written: Promise<unknown> = Promise.resolve();

  set(p: PendingLookup): void {
    this.pending = p;
    this.written = browser.storage.session.set({ [PENDING_KEY]: p }).catch(() => undefined);
  }

  /** Resolves once the last `set` is stored. */
  stored(): Promise<unknown> {
    return this.written;
  }

  async take(): Promise<PendingLookup | null> {
    await this.written;
    let p = this.pending;
    if (!p) {
      const stored = (await browser.storage.session.get(PENDING_KEY).catch(() => ({}))) as Record<string, unknown>;
      p = (stored[PENDING_KEY] as PendingLookup | undefined) ?? null;
    }
    return p && Date.now() - p.at <= PENDING_MS ? p : null;
  }
}

/** Opens the side panel / sidebar. Must be called synchronously inside the user gesture. */
export function openPanel(tab: Browser.tabs.Tab | undefined): Promise<boolean> {
  try {
    if (isFirefox()) {
      const sa = (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction;
      return sa.open().then(
        () => true,
        () => false,
      );
    }
    if (tab?.id === undefined || !browser.sidePanel) return Promise.resolve(false);
    return browser.sidePanel.open({ tabId: tab.id }).then(
      () => true,
      (err: unknown) => {
        console.debug('[Ordinance Lens] side panel did not open:', String(err));
        return false;
      },
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** The same UI as the panel, in a small window (the browser refused the panel). */
function openPanelWindow(): Promise<boolean> {
  const created = browser.windows?.create({ url: browser.runtime.getURL('/sidepanel.html'), type: 'popup', width: 440, height: 680, focused: true });
  return created ? created.then(() => true, () => false) : Promise.resolve(false);
}

/**
 * Hands the lookup to the side panel and opens it. `opened`: the panel was already opened
 * inside the gesture by the caller.
 */
export async function toPanel(pending: PendingLookups, req: LookupRequest, reason: string, opened?: Promise<boolean>): Promise<LookupOutcome> {
  pending.set({ text: capText(req.text ?? '', MAX_SELECTION_CHARS), at: Date.now(), reason });
  const panelOpened = await (opened ?? openPanel(req.tab));
  await pending.stored();
  if (panelOpened) return { surface: 'sidepanel', reason, panelOpened };
  // The user gesture was spent on an await (e.g. a refused injection): a window rather than nothing.
  return { surface: 'sidepanel', reason, panelOpened, windowOpened: await openPanelWindow() };
}
