/**
 * Background wiring: the context-menu item, the keyboard command, the message handler, and the
 * one lookup handler both triggers call (`lookupInTab`).
 *
 * Where a card can go, the card script is injected on demand into the frame that holds the
 * selection (activeTab + scripting; no host permissions, no always-on content script). Where it
 * cannot (PDF viewer, browser pages, the extension store, refused injection, card turned off),
 * the same lookup opens in the side panel (Chrome) or sidebar (Firefox). `sidePanel.open` only
 * works inside the user gesture, so it is called before anything is awaited whenever the URL
 * already tells us the card cannot go there.
 */
import { browser, type Browser } from 'wxt/browser';
import { addHistory, clearHistory } from './storage/history';
import { readSettings, type Settings } from './storage/settings';
import { hostOfUrl } from './storage/sites';
import { clearIndexCache } from './storage/index-cache';
import { entryViewWhole, keepIndex, loadSearchedPacks, lookupWhole } from './large-packs';
import { KEYS } from './storage/area';
import { capText } from './storage/history';
import {
  MAX_SELECTION_CHARS,
  isBackgroundMessage,
  type BackgroundMessage,
  type BackgroundProtocol,
  type CardProtocol,
  type LookupView,
  type PendingLookup,
} from './messages';
import type { LookupService } from './lookup-service';
import { beforeAfterView, claimCheckView, packTimelineView } from './claims-service';
import { isFilterDate } from '../core/timeline/pack';
import { isScanMessage } from './scan/protocol';
import { findSelectionFrame, withDeadline } from './frames';
import { allowMessage, classifySender, InjectedFrames } from './sender-check';
import { cleanContext } from './card/page-context';

export const MENU_ID = 'ordinance-lens-explain';
export const COMMAND_ID = 'explain-selection';
export const CARD_SCRIPT = '/lookup-card.js';
const PENDING_KEY = 'pendingLookup';
/**
 * The card script must be in the page this soon after the request, or the lookup opens in the
 * side panel: a page that never finishes loading (window.stop(), a response that never ends, a
 * slow image) must not leave the reader with nothing. Injection itself does not wait for the
 * load (`injectImmediately`); this bounds whatever else holds it up.
 */
export const INJECT_DEADLINE_MS = 700;
/** The injected card must say it is shown within this (it looks the selection up first on the keyboard path). */
export const CARD_ANSWER_DEADLINE_MS = 5000;

/** What a lookup request did, for tests and diagnostics. */
export interface LookupOutcome {
  surface: 'card' | 'sidepanel' | 'none';
  reason?: string;
  /** Did the side panel actually open (false if the browser refused, e.g. no user gesture). */
  panelOpened?: boolean;
  /** The panel was refused and the same UI opened in a small window instead. */
  windowOpened?: boolean;
  /** Milliseconds from the request to the card painted (wall clock, both sides), for the bench. */
  paintMs?: number;
}

/** A sub-millisecond wall clock that means the same in the worker and in the page. */
export const wallClock = () => performance.timeOrigin + performance.now();

export interface LookupRequest {
  tab: Browser.tabs.Tab | undefined;
  frameId?: number;
  /** The selection, as the context menu reports it; absent for the keyboard command. */
  text?: string;
  pageUrl?: string;
  frameUrl?: string;
}

const RESTRICTED = [
  /^(chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|devtools|view-source|chrome-search|chrome-untrusted|resource|data|blob|file):/i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org/i,
];
const PDF_URL = /\.pdf($|[?#])/i;
const PDF_VIEWER = /^chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\//;

/** Why no card can go on this URL, or undefined when one can (injection may still fail). */
export function cardBlockedReason(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (PDF_URL.test(url) || PDF_VIEWER.test(url)) return 'pdf';
  if (RESTRICTED.some((r) => r.test(url))) return 'restricted';
  return undefined;
}

/** The page's host as per-site settings store it (no trailing dot: lib/storage/sites.ts). */
export const hostOf = hostOfUrl;

/** Is the card turned off for this page (everywhere, or this site or a parent domain)? */
export function cardOffFor(settings: Settings, url: string | undefined): boolean {
  if (!settings.cardEnabled) return true;
  const host = hostOf(url);
  if (!host) return false;
  return settings.disabledSites.some((s) => host === s || host.endsWith('.' + s));
}

const isFirefox = () => typeof (browser as unknown as { sidebarAction?: unknown }).sidebarAction !== 'undefined';

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

export function setupBackground(service: LookupService) {
  // Settings are cached so the gesture-sensitive path can decide without awaiting.
  let settings: Settings | undefined;
  const settingsReady = readSettings().then((s) => (settings = s));
  // Imported packs: read at worker start and whenever they change; lookups wait for the latest read.
  let packsGeneration = 0;
  // Their index is kept (lib/large-packs.ts: storage.session for small packs, IndexedDB beside
  // large ones), so a restarted worker loads it instead of rebuilding; a fresh build is kept
  // after the worker has answered, or at once when `buildNow` (a large pack was just imported).
  // Never rejects: every lookup awaits it. `changed`: the packs changed while this worker ran (at
  // start there is nothing to forget: a cache is only ever read under its own key).
  const loadUserPacks = async (changed = false, buildNow = false): Promise<void> => {
    const gen = ++packsGeneration;
    const current = () => gen === packsGeneration;
    const got = await loadSearchedPacks(service, extensionVersion(), current); // never throws
    if (!got) return;
    if (!got.packs.length && changed) void clearIndexCache();
    if (got.index || !got.packs.length) return;
    if (buildNow) await keepIndex(service, got, current);
    else setTimeout(() => current() && void keepIndex(service, got, current), 0);
  };
  let userPacksReady = loadUserPacks();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void readSettings().then((s) => (settings = s));
    if (area === 'local' && KEYS.userPacks in changes) userPacksReady = loadUserPacks(true);
  });

  // Frames the card script was injected into lately: only their card may record history (sender-check.ts).
  const injectedFrames = new InjectedFrames();
  let pending: PendingLookup | null = null;
  let pendingWrite: Promise<unknown> = Promise.resolve();

  function setPending(p: PendingLookup) {
    pending = p;
    pendingWrite = browser.storage.session.set({ [PENDING_KEY]: p }).catch(() => undefined);
  }

  /** Opens the side panel / sidebar. Must be called synchronously inside the user gesture. */
  function openPanel(tab: Browser.tabs.Tab | undefined): Promise<boolean> {
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

  async function toPanel(req: LookupRequest, reason: string, opened?: Promise<boolean>): Promise<LookupOutcome> {
    setPending({ text: capText(req.text ?? '', MAX_SELECTION_CHARS), at: Date.now(), reason });
    const panelOpened = await (opened ?? openPanel(req.tab));
    await pendingWrite;
    if (panelOpened) return { surface: 'sidepanel', reason, panelOpened };
    // The browser refused the panel (the user gesture was spent on an await, e.g. a refused
    // injection): show the same UI in a small window rather than nothing.
    const windowOpened = await browser.windows
      ?.create({ url: browser.runtime.getURL('/sidepanel.html'), type: 'popup', width: 440, height: 680, focused: true })
      .then(
        () => true,
        () => false,
      );
    return { surface: 'sidepanel', reason, panelOpened, windowOpened: windowOpened ?? false };
  }

  /** Adds a lookup to the history, with the top answer of the lookup already made for it. */
  async function record(text: string, view: LookupView) {
    const q = text.trim();
    if (!q) return;
    const top = view.result.results[0];
    await addHistory({ query: capText(q, 500), at: Date.now(), ...(top ? { topId: top.id, topTitle: top.title } : {}) });
  }

  /** The one handler behind the context menu, the keyboard command and the e2e hook. */
  async function lookupInTab(req: LookupRequest): Promise<LookupOutcome> {
    const t0 = wallClock();
    const url = req.frameUrl || req.pageUrl || req.tab?.url;
    const text = req.text?.slice(0, MAX_SELECTION_CHARS);
    // Decide synchronously where we can (keeps the user gesture for sidePanel.open).
    const blocked = cardBlockedReason(req.frameUrl) ?? cardBlockedReason(req.pageUrl ?? req.tab?.url);
    if (blocked) return toPanel({ ...req, text }, blocked, openPanel(req.tab));
    if (settings && cardOffFor(settings, req.pageUrl ?? req.tab?.url)) return toPanel({ ...req, text }, 'card-off', openPanel(req.tab));
    const current = settings ?? (await settingsReady);
    if (cardOffFor(current, req.pageUrl ?? req.tab?.url)) return toPanel({ ...req, text }, 'card-off');

    const tabId = req.tab?.id;
    if (tabId === undefined || tabId < 0) return toPanel({ ...req, text }, 'no-tab');
    const frameId = req.frameId ?? 0;
    // Start injecting, then compute the answer while the page loads the script.
    const injecting = browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_SCRIPT], injectImmediately: true }).then(
      () => (injectedFrames.add(tabId, frameId), true as const),
      (err: unknown) => {
        console.debug('[Ordinance Lens] card script not injected:', String(err), url);
        return false as const;
      },
    );
    const injected = withDeadline<boolean | 'late'>(injecting, INJECT_DEADLINE_MS, 'late');
    await userPacksReady;
    const view = req.text ? await lookupWhole(service, req.text, { citationStyle: current.citationStyle }) : undefined;
    if (text && view) void record(text, view);
    const ready = await injected;
    if (ready === 'late') return toPanel({ ...req, text }, 'page-loading');
    if (!ready) return toPanel({ ...req, text }, 'injection-failed');
    const msg: { type: 'card:show' } & CardProtocol['card:show']['req'] = { type: 'card:show', t0, ...(view ? { view } : {}), ...(text ? { text } : {}) };
    try {
      // Bounded: a card that never answers (a frame whose script stalls) must not hold the lookup.
      const res = await withDeadline(browser.tabs.sendMessage(tabId, msg, { frameId }) as Promise<CardProtocol['card:show']['res'] | undefined>, CARD_ANSWER_DEADLINE_MS, { shown: false, reason: 'card-unreachable' });
      if (res?.shown) return { surface: 'card', ...(res.paintedAt ? { paintMs: Math.round((res.paintedAt - t0) * 10) / 10 } : {}) };
      return toPanel({ ...req, text }, res?.reason ?? 'card-refused');
    } catch (err) {
      console.debug('[Ordinance Lens] card did not answer:', String(err));
      return toPanel({ ...req, text }, 'card-unreachable');
    }
  }

  async function handle(msg: BackgroundMessage, sender: Browser.runtime.MessageSender, mayRecord: boolean): Promise<unknown> {
    switch (msg.type) {
      case 'lookup': {
        const s = settings ?? (await settingsReady);
        await userPacksReady;
        const context = cleanContext(msg.context);
        const view = await lookupWhole(service, String(msg.text ?? '').slice(0, MAX_SELECTION_CHARS + 1), {
          citationStyle: s.citationStyle,
          ...(context ? { context } : {}),
          ...(typeof msg.limit === 'number' ? { limit: Math.min(Math.max(1, msg.limit), 50) } : {}),
        });
        if (msg.record && mayRecord) void record(String(msg.text ?? ''), view);
        return view satisfies BackgroundProtocol['lookup']['res'];
      }
      case 'entry':
        await userPacksReady;
        return (await entryViewWhole(service, String(msg.id))) satisfies BackgroundProtocol['entry']['res'];
      case 'packs':
        await userPacksReady;
        return { packs: service.packs(), bundledEntryIds: service.bundledEntryIds() } satisfies BackgroundProtocol['packs']['res'];
      case 'takePending': {
        await pendingWrite;
        let p = pending;
        if (!p) {
          const stored = (await browser.storage.session.get(PENDING_KEY).catch(() => ({}))) as Record<string, unknown>;
          p = (stored[PENDING_KEY] as PendingLookup | undefined) ?? null;
        }
        // Left in place for a minute, so both a side panel and a fallback window can show it.
        if (p && Date.now() - p.at > 60_000) p = null;
        return p satisfies BackgroundProtocol['takePending']['res'];
      }
      case 'panelForCopy': {
        // The page blocks the clipboard: the same lookup in the side panel, whose copy works.
        const out = await toPanel({ tab: sender.tab, text: String(msg.text ?? '') }, 'copy-blocked');
        return { opened: !!(out.panelOpened || out.windowOpened) } satisfies BackgroundProtocol['panelForCopy']['res'];
      }
      case 'check':
        await userPacksReady;
        return claimCheckView(service.corpus(), String(msg.text ?? '').slice(0, MAX_SELECTION_CHARS)) satisfies BackgroundProtocol['check']['res'];
      case 'timeline': {
        await userPacksReady;
        const date = (d: unknown) => (typeof d === 'string' && isFilterDate(d) ? d : undefined);
        const since = date(msg.since);
        const until = date(msg.until);
        return packTimelineView(service.corpus(), {
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
          ...(Array.isArray(msg.jurisdictions) ? { jurisdictions: msg.jurisdictions.map(String) } : {}),
          ...(Array.isArray(msg.kinds) ? { kinds: msg.kinds } : {}),
        }) satisfies BackgroundProtocol['timeline']['res'];
      }
      case 'beforeAfter':
        await userPacksReady;
        return beforeAfterView(service.corpus(), String(msg.id)) satisfies BackgroundProtocol['beforeAfter']['res'];
      case 'packsChanged':
        // A large pack was stored or removed in IndexedDB (no storage event tells us): read the
        // packs again and build and keep their index now, so the page can say when it is ready.
        userPacksReady = loadUserPacks(true, true);
        await userPacksReady;
        return { entries: service.size() } satisfies BackgroundProtocol['packsChanged']['res'];
      case 'clearHistory': {
        // Here, not in the page: every history write then goes through this worker's one queue
        // (lib/storage/area.ts serialized), so a lookup recorded at the same moment cannot write
        // back the list it read before the clear.
        const r = await clearHistory();
        return (r.ok ? { ok: true } : { ok: false, message: r.message }) satisfies BackgroundProtocol['clearHistory']['res'];
      }
      case 'recordHistory': {
        const r = await addHistory({
          query: capText(String(msg.query ?? '').trim(), 500),
          at: Date.now(),
          ...(msg.topId ? { topId: msg.topId } : {}),
          ...(msg.topTitle ? { topTitle: msg.topTitle } : {}),
        }).catch(() => ({ ok: false }));
        return { ok: r.ok } satisfies BackgroundProtocol['recordHistory']['res'];
      }
    }
  }

  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    // Only our own pages and our own card script talk to us; a card only about its own lookup.
    if (!isBackgroundMessage(msg) || isScanMessage(msg)) return false; // "Explain this page" has its own listener (lib/scan/background.ts)
    const rights = allowMessage(classifySender(sender, browser.runtime.id, browser.runtime.getURL('/')), msg.type, sender, injectedFrames);
    if (!rights.ok) return false;
    handle(msg, sender, rights.record).then(sendResponse, (err: unknown) => {
      console.warn('[Ordinance Lens] message failed', msg.type, err);
      sendResponse(null);
    });
    return true;
  });

  // Menus survive worker restarts but not updates; recreating them is cheap and idempotent.
  const createMenu = () =>
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: 'Explain “%s” with Ordinance Lens', contexts: ['selection'] }),
    );
  browser.runtime.onInstalled.addListener(() => void createMenu());
  browser.runtime.onStartup?.addListener(() => void createMenu());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    void lookupInTab({
      tab,
      frameId: info.frameId ?? 0,
      ...(info.selectionText ? { text: info.selectionText } : {}),
      ...(info.pageUrl ? { pageUrl: info.pageUrl } : {}),
      ...(info.frameUrl ? { frameUrl: info.frameUrl } : {}),
    });
  });

  /** The keyboard command: the card goes to the frame that holds the selection (the menu names it; the command must find it). */
  async function commandInTab(tab: Browser.tabs.Tab | undefined): Promise<LookupOutcome> {
    const blocked = cardBlockedReason(tab?.url) ?? (settings && cardOffFor(settings, tab?.url) ? 'card-off' : undefined);
    if (blocked || tab?.id === undefined || tab.id < 0) return lookupInTab({ tab, frameId: 0 }); // keeps the gesture for the panel
    return lookupInTab({ tab, frameId: await findSelectionFrame(tab.id) });
  }

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== COMMAND_ID) return;
    void commandInTab(tab);
  });

  if (!isFirefox() && browser.sidePanel?.setPanelBehavior) {
    // The toolbar button opens the popup; the side panel opens only when a card cannot.
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  }

  return {
    lookupInTab,
    /** The e2e hook's keyboard command on the active tab (as Alt+Shift+L there). */
    async commandInActiveTab(): Promise<LookupOutcome> {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return commandInTab(tab);
    },
    /** The e2e hook's entry: the active tab of the last focused window, as the menu would see it. */
    async lookupInActiveTab(text?: string, url?: string): Promise<LookupOutcome> {
      // A test may name the page's URL: found only where the build may see URLs (e2e host permission).
      const byUrl = url ? await browser.tabs.query({ url: url.replace(/#.*$/, '') }).catch(() => []) : [];
      const [tab] = byUrl.length ? byUrl : await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return lookupInTab({ tab, frameId: 0, ...(text !== undefined ? { text } : {}), ...(tab?.url ? { pageUrl: tab.url } : {}) });
    },
  };
}
