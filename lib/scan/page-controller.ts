/**
 * "Explain this page" in the page: collect the visible text (./dom-text.ts), have the background
 * scan it (core/scan), draw the marks (./marks.ts) a slice at a time, open the lookup card when a
 * mark is clicked (or reached with the bar's Previous / Next), scan what the page adds later
 * while the marks are on, and Clear: everything we added goes, and the page is as it was.
 */
import type { CardSurface } from '../card/card-surface';
import { askBackground, failedLookupView } from '../messages';
import { locate } from '../../core/scan/visible-text';
import { collectText, SLICE_MS, yieldToPage } from './dom-text';
import { createMarks, type Marks } from './marks';
import { Toolbar } from './toolbar';
import { askScan, MAX_CLAIMS_LISTED, MAX_MARKS, type PageListItem, type ScanEntryInfo } from './protocol';

/** Quiet time after the page's last change before new content is scanned. */
const SETTLE_MS = 300;

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export class PageScan {
  private marks: Marks | null = null;
  private ranges: Range[] = [];
  /** The marks' indexes in page order; null when marks were added since it was worked out. */
  private order: number[] | null = null;
  /** Marks before this index came in page order (one scan's marks do); later scans may not. */
  private orderedUpTo = 0;
  private ids: string[] = [];
  private byNode = new Map<Node, number[]>();
  private entries: Record<string, ScanEntryInfo> = {};
  /** Rule sentences around each entry's mentions (the background picks them), for the claim check. */
  private claims: Record<string, string[]> = {};
  private more = 0;
  private current = -1;
  private toolbar: Toolbar | null = null;
  private observer: MutationObserver | null = null;
  private pending: Node[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private ourSelection: Range | null = null;
  /** Milliseconds from start to the first marks drawn, and the longest slice of work, for the bench. */
  stats = { firstMarksMs: 0, longestSliceMs: 0, marks: 0, collectMs: 0, askMs: 0, scanMs: 0 };

  /** `card`: the in-page card a click on a mark opens (the entry file passes it in). */
  constructor(
    private readonly card: CardSurface,
    private readonly doc: Document = document,
  ) {}

  get active(): boolean {
    return this.marks !== null;
  }

  async start(): Promise<number> {
    if (this.active) this.clear();
    const gen = ++this.generation;
    const t0 = performance.now();
    this.stats = { firstMarksMs: 0, longestSliceMs: 0, marks: 0, collectMs: 0, askMs: 0, scanMs: 0 };
    this.marks = createMarks(this.doc);
    this.toolbar = new Toolbar(this.doc, { prev: () => void this.step(-1), next: () => void this.step(1), clear: () => this.clear() });
    this.doc.addEventListener('click', this.onClick);
    await this.scan([this.doc.body], gen, t0);
    if (gen !== this.generation) return 0;
    this.observer = new MutationObserver(this.onMutations);
    this.observer.observe(this.doc.body, { childList: true, subtree: true });
    return this.ranges.length;
  }

  private async scan(roots: Node[], gen: number, t0 = performance.now()): Promise<void> {
    const skip = new Set<Element>(this.toolbar ? [this.toolbar.host] : []);
    const tc = performance.now();
    const { vt, nodes } = await collectText(this.doc, roots, skip);
    this.stats.collectMs ||= Math.round(performance.now() - tc);
    if (gen !== this.generation || !vt.text.trim()) {
      this.finishBatch();
      return;
    }
    const ta = performance.now();
    const res = await askScan('scan:page', { text: vt.text, title: this.doc.title, host: location.hostname }).catch((err: unknown) => {
      console.debug('[Ordinance Lens] page scan failed:', String(err));
      return null;
    });
    if (gen !== this.generation) return;
    if (!res) {
      if (!this.ranges.length) this.clear(); // refused or unreachable before anything was marked: leave no bar behind
      return;
    }
    this.stats.askMs ||= Math.round(performance.now() - ta);
    this.stats.scanMs ||= res.ms;
    Object.assign(this.entries, res.entries);
    for (const [id, list] of Object.entries(res.claims ?? {})) this.claims[id] = [...new Set([...(this.claims[id] ?? []), ...list])].slice(0, MAX_CLAIMS_LISTED);
    const first = this.ranges.length === 0; // its marks are made in page order
    let deadline = performance.now() + SLICE_MS;
    let sliceStart = performance.now();
    let batch: Range[] = [];
    const flush = () => {
      if (!batch.length || !this.marks) return;
      this.withoutObserver(() => this.marks!.add(batch));
      batch = [];
      if (!this.stats.firstMarksMs) this.stats.firstMarksMs = Math.round(performance.now() - t0);
    };
    for (const m of res.marks) {
      if (this.ranges.length >= MAX_MARKS) {
        this.more++;
        continue;
      }
      const a = locate(vt, m.start);
      const b = locate(vt, m.end, true);
      if (!a || !b) continue;
      const startNode = nodes[a.piece]!;
      const endNode = nodes[b.piece]!;
      if (!startNode.isConnected || !endNode.isConnected) continue;
      const range = this.doc.createRange();
      try {
        range.setStart(startNode, a.offset);
        range.setEnd(endNode, b.offset);
      } catch {
        continue; // the page changed the node meanwhile
      }
      const idx = this.ranges.length;
      this.ranges.push(range);
      this.order = null;
      this.ids.push(m.id);
      for (const n of new Set([startNode, endNode])) {
        const list = this.byNode.get(n) ?? [];
        list.push(idx);
        this.byNode.set(n, list);
      }
      if (a.piece + 1 < b.piece) for (let p = a.piece + 1; p < b.piece; p++) this.byNode.set(nodes[p]!, [...(this.byNode.get(nodes[p]!) ?? []), idx]);
      batch.push(range);
      if ((batch.length & 31) === 0 && performance.now() > deadline) {
        flush();
        this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, Math.round(performance.now() - sliceStart));
        await yieldToPage();
        if (gen !== this.generation) return;
        deadline = performance.now() + SLICE_MS;
        sliceStart = performance.now();
      }
    }
    flush();
    if (first) this.orderedUpTo = this.ranges.length;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, Math.round(performance.now() - sliceStart));
    this.finishBatch();
  }

  private finishBatch() {
    this.stats.marks = this.ranges.length;
    const ids = new Set(this.ids);
    this.toolbar?.setCounts(this.ranges.length, ids.size, this.more);
    void askScan('scan:report', {
      report: { title: this.doc.title, items: this.listItems(), marks: this.ranges.length, more: this.more, stats: { ...this.stats } },
    }).catch(() => undefined);
  }

  /**
   * The marks in page order. The first scan's marks are made in text order, so sorting (1,500
   * boundary comparisons of live ranges, a long task on a slow machine) is needed only once
   * content added later has been marked.
   */
  private pageOrder(): number[] {
    if (this.order) return this.order;
    const all = this.ranges.map((_, i) => i);
    this.order = this.orderedUpTo >= this.ranges.length ? all : all.sort((a, b) => this.ranges[a]!.compareBoundaryPoints(Range.START_TO_START, this.ranges[b]!));
    return this.order;
  }

  /** Each entry mentioned, how often, in the order of its first mention on the page. */
  listItems(): PageListItem[] {
    const order = this.pageOrder();
    const items = new Map<string, PageListItem>();
    order.forEach((i, pos) => {
      const id = this.ids[i]!;
      const item = items.get(id);
      if (item) item.count++;
      else if (this.entries[id]) items.set(id, { ...this.entries[id]!, count: 1, first: pos, ...(this.claims[id] ? { claims: this.claims[id] } : {}) });
    });
    return [...items.values()];
  }

  /** The `n`th mention of `id` in page order. */
  jump(id: string, n: number): boolean {
    const mentions = this.pageOrder().filter((i) => this.ids[i] === id);
    const hit = mentions[Math.max(0, Math.min(n, mentions.length - 1))];
    if (hit === undefined) return false;
    void this.open(hit);
    return true;
  }

  private async step(dir: 1 | -1) {
    if (!this.ranges.length) return;
    const order = this.pageOrder();
    const pos = order.indexOf(this.current);
    const next = order[(pos < 0 ? (dir > 0 ? 0 : order.length - 1) : (pos + dir + order.length) % order.length)]!;
    await this.open(next);
  }

  /** Opens the lookup card for mark `idx`, as if the reader had selected its words. */
  private async open(idx: number) {
    const range = this.ranges[idx];
    if (!range || range.collapsed) return;
    this.current = idx;
    this.marks?.setCurrent(range);
    const el = range.startContainer.parentElement;
    const r = range.getBoundingClientRect();
    if (el && (r.top < 0 || r.bottom > innerHeight)) el.scrollIntoView({ block: 'center' });
    const sel = this.doc.getSelection();
    const mine = range.cloneRange();
    sel?.removeAllRanges();
    sel?.addRange(mine);
    this.ourSelection = mine;
    const text = range.toString();
    this.card.show(null, text);
    // A failed ask (a handler's error, or the extension was reloaded) is said on the card, never left on "Looking this up…".
    this.card.update(await askBackground('lookup', { text, source: 'card', record: true }).catch(() => failedLookupView(text)));
  }

  private readonly onClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.defaultPrevented || !this.ranges.length) return;
    const target = e.target as Element | null;
    if (target?.closest?.('a[href], button, input, textarea, select, label, [contenteditable="true"], [contenteditable=""]')) return;
    const sel = this.doc.getSelection();
    if (sel && !sel.isCollapsed && sel.getRangeAt(0) !== this.ourSelection && sel.toString().trim()) return; // the reader is selecting
    const d = this.doc as CaretDoc;
    let node: Node | null = null;
    let offset = 0;
    const pos = d.caretPositionFromPoint?.(e.clientX, e.clientY);
    if (pos) ({ offsetNode: node, offset } = pos);
    else {
      const r = d.caretRangeFromPoint?.(e.clientX, e.clientY);
      if (r) ({ startContainer: node, startOffset: offset } = r);
    }
    if (!node) return;
    const hit = (this.byNode.get(node) ?? []).find((i) => {
      const r = this.ranges[i]!;
      return r.isPointInRange(node!, offset) && !(node === r.endContainer && offset === r.endOffset);
    });
    if (hit !== undefined) void this.open(hit);
  };

  private readonly onMutations = (records: MutationRecord[]) => {
    for (const rec of records) for (const n of Array.from(rec.addedNodes)) if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) this.pending.push(n);
    if (!this.pending.length) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const roots = this.pending.filter((n, i, all) => n.isConnected && !all.some((o, j) => j !== i && o !== n && o.contains(n)));
      this.pending = [];
      if (roots.length && this.active) void this.scan(roots, this.generation);
    }, SETTLE_MS);
  };

  private withoutObserver(fn: () => void) {
    if (this.marks?.kind !== 'elements' || !this.observer) return fn();
    this.observer.disconnect();
    fn();
    this.observer.observe(this.doc.body, { childList: true, subtree: true });
  }

  clear(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.pending = [];
    this.observer?.disconnect();
    this.observer = null;
    this.doc.removeEventListener('click', this.onClick);
    this.card.hide();
    this.marks?.clear();
    this.marks = null;
    this.toolbar?.remove();
    this.toolbar = null;
    const sel = this.doc.getSelection();
    if (sel && this.ourSelection && sel.rangeCount && sel.getRangeAt(0).toString() === this.ourSelection.toString()) sel.removeAllRanges();
    this.ourSelection = null;
    this.ranges = [];
    this.order = null;
    this.orderedUpTo = 0;
    this.ids = [];
    this.byNode.clear();
    this.entries = {};
    this.claims = {};
    this.more = 0;
    this.current = -1;
    void askScan('scan:cleared', {}).catch(() => undefined);
  }
}
