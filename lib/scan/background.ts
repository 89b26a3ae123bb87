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
import { claimSentences } from '../../core/scan/claim-sentences';
import { readUserPacks } from '../storage/user-packs';
import { listLargePacks, readBriefs, readEntries, type LargePackMeta, type StoredBrief } from '../storage/pack-db';
import { citedOnly, findId } from '../../core/pack/columns';
import { KEYS } from '../storage/area';
import { classifySender, type SenderKind } from '../sender-check';
import { answerWith, MessageError } from '../reply';
import { setupAlwaysHere } from './always-here';
import { MAX_SCAN_CHARS, REPORT_KEY, askPageScan, isScanMessage, type PageReport, type ScanEntryInfo, type ScanMessage, type ScanProtocol } from './protocol';

export const EXPLAIN_COMMAND = 'explain-page';
export const SCAN_SCRIPT = '/page-scan.js';

export function entryInfo(e: Entry): ScanEntryInfo {
  const primary = e.points.some((p) => p.confidence === 'primary') || (!e.points.length && e.sources.some((s) => s.type === 'primary'));
  return { id: e.id, title: e.title, ...(e.citation ? { citation: e.citation } : {}), kind: e.kind, status: e.status, confidence: primary ? 'primary' : 'reported' };
}

/** Messages only our own extension pages send; the others come from the page-scan script in a tab we injected. */
const PAGE_ONLY = new Set(['scan:explain', 'scan:jump', 'scan:always-on', 'scan:always-off']);
/** How long after an injection that tab's scan script may send text and reports. */
const GRANT_MS = 60 * 60_000;

/**
 * May this scan message go through? The panel's messages only from our own pages; the page's
 * (text to scan, reports) only from a tab we injected the scan script into within the hour, or
 * from the top frame of a site where the reader turned on "always explain" (`alwaysHere`).
 * `injectedAt`: when we last injected into the sender's tab.
 */
export function allowScanMessage(kind: SenderKind, type: string, injectedAt: number | undefined, now: number, alwaysHere = false): boolean {
  if (kind === 'refused') return false;
  if (PAGE_ONLY.has(type)) return kind === 'page';
  return kind === 'card' && (alwaysHere || (injectedAt !== undefined && now - injectedAt <= GRANT_MS));
}

export interface ExplainOutcome {
  ok: boolean;
  reason?: string;
  marks?: number;
}

/** What a page scan reads: the scan index, the entries read whole, and the large packs' briefs. */
interface ScanCorpus {
  index: ScanIndex;
  entries: Map<string, Entry>;
  /** Large packs (IndexedDB): scanned by their sections' citations only; entries read when marked. */
  large: StoredBrief[];
}

const largeKey = (briefs: readonly { meta: LargePackMeta }[]) => briefs.map((b) => `${b.meta.id}@${b.meta.version}@${b.meta.importedAt}`).join('|');

async function readLargeSafely(): Promise<StoredBrief[]> {
  try {
    return await readBriefs();
  } catch (err) {
    console.warn('[Ordinance Lens] large packs not scanned:', String(err));
    return [];
  }
}

/**
 * The scan index of the bundled and imported packs, built on first use, rebuilt after an import
 * (small packs: storage.local's change event; large packs, which IndexedDB does not announce:
 * their list is compared at each scan). A large pack is scanned by its sections' citations only
 * (core/scan/build.ts `citationOnly`).
 */
function scanIndexCache(bundled: readonly Pack[]) {
  let corpus: ScanCorpus | undefined;
  let builtFor = '';
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEYS.userPacks in changes) corpus = undefined;
  });
  return async (): Promise<ScanCorpus> => {
    const listed = largeKey(await listLargePacks().then((m) => m.map((meta) => ({ meta })), () => []));
    if (corpus && listed === builtFor) return corpus;
    const all = new Map<string, Entry>();
    const imported = (await readUserPacks()).map((s) => s.pack);
    for (const p of [...bundled, ...imported]) for (const e of p.entries) if (!all.has(e.id)) all.set(e.id, e);
    const large = await readLargeSafely();
    const cited = large.flatMap((b) => citedOnly(b.columns).filter((c) => !all.has(c.id)));
    corpus = { index: buildScanIndex([...all.values(), ...cited]), entries: all, large };
    builtFor = largeKey(large);
    return corpus;
  };
}

/** What the list shows of the large packs' marked sections: read whole (a few per page), for their status and confidence. */
async function largeInfos(corpus: ScanCorpus, ids: readonly string[]): Promise<Record<string, ScanEntryInfo>> {
  const infos: Record<string, ScanEntryInfo> = {};
  for (const b of corpus.large) {
    const mine = ids.filter((id) => findId(b.columns, id) >= 0);
    if (!mine.length) continue;
    const read = await readEntries(b.meta.id, mine).catch(() => []);
    for (const e of read) infos[e.id] = entryInfo(e);
  }
  return infos;
}

/** Scans a page's text: the marks, what the list shows of each entry, and the rule sentences around them. */
export function answerScanPage(index: ScanIndex, entries: ReadonlyMap<string, Entry>, req: ScanProtocol['scan:page']['req']): ScanProtocol['scan:page']['res'] {
  const text = String(req.text ?? '').slice(0, MAX_SCAN_CHARS);
  const t0 = performance.now();
  const matches = scanText(index, text, {
    ...(typeof req.title === 'string' ? { title: req.title.slice(0, 500) } : {}),
    ...(typeof req.host === 'string' ? { host: req.host.slice(0, 255) } : {}),
  });
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  const infos: Record<string, ScanEntryInfo> = {};
  for (const m of matches) if (!infos[m.id] && entries.has(m.id)) infos[m.id] = entryInfo(entries.get(m.id)!);
  return { marks: matches.map(({ start, end, id }) => ({ start, end, id })), entries: infos, claims: claimSentences(text, matches), ms };
}

/** The popup's reason when the page scan did not answer with a result: it failed, sent something else, or said nothing. */
export function pageFailureReason(err: unknown): string {
  const why = err instanceof MessageError ? err.why : 'unanswered';
  return why === 'failed' ? 'page-failed' : why === 'not-a-reply' ? 'page-refused' : 'page-unreachable';
}

async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

type Handle = (msg: ScanMessage, sender: Browser.runtime.MessageSender) => Promise<unknown>;

/** The one listener for "scan:" messages: who may send what (allowScanMessage), then `handle`. */
function listenForScanMessages(handle: Handle, injectedAt: (tabId: number) => number | undefined, always: ReturnType<typeof setupAlwaysHere>) {
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    if (!isScanMessage(msg)) return false;
    const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (allowScanMessage(kind, msg.type, injectedAt(sender.tab?.id ?? -1), Date.now())) return answerWith(msg.type, () => handle(msg, sender), sendResponse);
    // Not asked for: only the top frame of an "always explain" site may still send its page.
    if (!allowScanMessage(kind, msg.type, undefined, Date.now(), true) || sender.frameId !== 0) return false;
    return answerWith(msg.type, async () => {
      if (!(await always.allows(sender.url))) throw new Error('this page may not send its text');
      return handle(msg, sender);
    }, sendResponse);
  });
}

export function setupPageScan(bundled: readonly Pack[]) {
  const ensure = scanIndexCache(bundled);
  const always = setupAlwaysHere();

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
      const res = await askPageScan(tabId, 'scan:start', {});
      return res.ok ? { ok: true, marks: typeof res.marks === 'number' ? res.marks : 0 } : { ok: false, reason: 'page-refused' };
    } catch (err) {
      console.debug('[Ordinance Lens] page scan did not answer:', String(err));
      return { ok: false, reason: pageFailureReason(err) };
    }
  }

  async function handle(msg: ScanMessage, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (msg.type) {
      case 'scan:page': {
        const corpus = await ensure();
        const res = answerScanPage(corpus.index, corpus.entries, msg);
        const unread = [...new Set(res.marks.map((m) => m.id))].filter((id) => !res.entries[id]);
        if (unread.length && corpus.large.length) Object.assign(res.entries, await largeInfos(corpus, unread));
        // A mark whose entry could not be read is not shown: the list would have nothing to say of it.
        return unread.length ? { ...res, marks: res.marks.filter((m) => res.entries[m.id]) } : res;
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
      case 'scan:always-on':
        return always.turnOn(String(msg.site));
      case 'scan:always-off':
        return always.turnOff(String(msg.site));
      case 'scan:jump': {
        const res = await askPageScan(msg.tabId, 'scan:jump', { id: msg.id, n: msg.n }).catch((err: unknown) => {
          console.debug('[Ordinance Lens] jump not made:', String(err));
          return { ok: false };
        });
        return { ok: res.ok };
      }
    }
  }

  listenForScanMessages(handle, (tabId) => injected.get(tabId), always);

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === EXPLAIN_COMMAND) void explainInTab(tab);
  });

  return {
    explainInTab,
    /** The e2e hook's entry: the active tab of the last focused window. */
    explainInActiveTab: async () => explainInTab(await activeTab()),
    /** The e2e hook's view of "always explain": the registered script's match patterns. */
    alwaysRegistered: always.registered,
  };
}
