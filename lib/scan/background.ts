/**
 * The background side of "Explain this page": on the reader's request only (the popup button or
 * the `explain-page` shortcut, both of which grant activeTab), inject the page-scan script into
 * the tab and start it; scan the text it sends with the packs' scan index (core/scan, built on
 * first use from the bundled and imported packs); keep what each tab has marked for the side
 * panel's "On this page" (storage.session, this browser session only); pass the panel's
 * jump-to-mention to the page.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Entry, Pack } from '../../core/schema/pack';
import { buildScanIndex, scanText, type ScanIndex } from '../../core/scan/index';
import { readUserPacks } from '../storage/user-packs';
import { KEYS } from '../storage/area';
import { classifySender, type SenderKind } from '../sender-check';
import { answerWith } from '../reply';
import { MAX_SCAN_CHARS, REPORT_KEY, isScanMessage, type PageReport, type PageScanProtocol, type ScanEntryInfo, type ScanMessage, type ScanProtocol } from './protocol';

export const EXPLAIN_COMMAND = 'explain-page';
export const SCAN_SCRIPT = '/page-scan.js';

export function entryInfo(e: Entry): ScanEntryInfo {
  const primary = e.points.some((p) => p.confidence === 'primary') || (!e.points.length && e.sources.some((s) => s.type === 'primary'));
  return { id: e.id, title: e.title, ...(e.citation ? { citation: e.citation } : {}), kind: e.kind, status: e.status, confidence: primary ? 'primary' : 'reported' };
}

/** Messages only our own extension pages send; the others come from the page-scan script in a tab we injected. */
const PAGE_ONLY = new Set(['scan:explain', 'scan:jump']);
/** How long after an injection that tab's scan script may send text and reports. */
const GRANT_MS = 60 * 60_000;

/**
 * May this scan message go through? The panel's messages only from our own pages; the page's
 * (text to scan, reports) only from a tab we injected the scan script into within the hour.
 * `injectedAt`: when we last injected into the sender's tab.
 */
export function allowScanMessage(kind: SenderKind, type: string, injectedAt: number | undefined, now: number): boolean {
  if (kind === 'refused') return false;
  if (PAGE_ONLY.has(type)) return kind === 'page';
  return kind === 'card' && injectedAt !== undefined && now - injectedAt <= GRANT_MS;
}

export interface ExplainOutcome {
  ok: boolean;
  reason?: string;
  marks?: number;
}

export function setupPageScan(bundled: readonly Pack[]) {
  let index: ScanIndex | undefined;
  let entries: Entry[] = [];
  const ensure = async (): Promise<ScanIndex> => {
    if (index) return index;
    const seen = new Set<string>();
    const all: Entry[] = [];
    const imported = (await readUserPacks()).map((s) => s.pack);
    for (const p of [...bundled, ...imported]) for (const e of p.entries) if (!seen.has(e.id)) (seen.add(e.id), all.push(e));
    entries = all;
    index = buildScanIndex(all);
    return index;
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEYS.userPacks in changes) index = undefined;
  });

  // Tabs we injected the scan script into (a page script cannot message us; a content script
  // of ours in another tab has no business sending page text or reports).
  const injected = new Map<number, number>();

  async function explainInTab(tab: Browser.tabs.Tab | undefined): Promise<ExplainOutcome> {
    const tabId = tab?.id;
    if (tabId === undefined || tabId < 0) return { ok: false, reason: 'no-tab' };
    injected.set(tabId, Date.now());
    try {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [SCAN_SCRIPT] });
    } catch (err) {
      console.debug('[Ordinance Lens] page-scan script not injected:', String(err));
      return { ok: false, reason: 'injection-failed' };
    }
    try {
      const res = (await browser.tabs.sendMessage(tabId, { type: 'scan:start' }, { frameId: 0 })) as PageScanProtocol['scan:start']['res'] | undefined;
      return res?.ok ? { ok: true, marks: res.marks ?? 0 } : { ok: false, reason: 'page-refused' };
    } catch (err) {
      console.debug('[Ordinance Lens] page scan did not answer:', String(err));
      return { ok: false, reason: 'page-unreachable' };
    }
  }

  async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab;
  }

  async function handle(msg: ScanMessage, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (msg.type) {
      case 'scan:page': {
        const idx = await ensure();
        const t0 = performance.now();
        const matches = scanText(idx, String(msg.text ?? '').slice(0, MAX_SCAN_CHARS), {
          ...(typeof msg.title === 'string' ? { title: msg.title.slice(0, 500) } : {}),
          ...(typeof msg.host === 'string' ? { host: msg.host.slice(0, 255) } : {}),
        });
        const ms = Math.round((performance.now() - t0) * 10) / 10;
        const byId = new Map(entries.map((e) => [e.id, e]));
        const infos: Record<string, ScanEntryInfo> = {};
        for (const m of matches) if (!infos[m.id] && byId.has(m.id)) infos[m.id] = entryInfo(byId.get(m.id)!);
        return { marks: matches.map(({ start, end, id }) => ({ start, end, id })), entries: infos, ms } satisfies ScanProtocol['scan:page']['res'];
      }
      case 'scan:report': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: false };
        const report: PageReport = { ...msg.report, tabId, at: Date.now() };
        await browser.storage.session.set({ [REPORT_KEY]: report }).catch(() => undefined);
        return { ok: true } satisfies ScanProtocol['scan:report']['res'];
      }
      case 'scan:cleared': {
        const tabId = sender.tab?.id;
        const stored = (await browser.storage.session.get(REPORT_KEY).catch(() => ({}))) as Record<string, PageReport | undefined>;
        if (stored[REPORT_KEY]?.tabId === tabId) await browser.storage.session.remove(REPORT_KEY).catch(() => undefined);
        return { ok: true };
      }
      case 'scan:explain':
        return explainInTab(await activeTab());
      case 'scan:jump': {
        try {
          const res = (await browser.tabs.sendMessage(msg.tabId, { type: 'scan:jump', id: msg.id, n: msg.n }, { frameId: 0 })) as { ok: boolean } | undefined;
          return { ok: !!res?.ok };
        } catch {
          return { ok: false };
        }
      }
    }
  }

  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    if (!isScanMessage(msg)) return false;
    const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!allowScanMessage(kind, msg.type, injected.get(sender.tab?.id ?? -1), Date.now())) return false;
    return answerWith(msg.type, () => handle(msg, sender), sendResponse);
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === EXPLAIN_COMMAND) void explainInTab(tab);
  });

  return {
    explainInTab,
    /** The e2e hook's entry: the active tab of the last focused window. */
    explainInActiveTab: async () => explainInTab(await activeTab()),
  };
}
