/**
 * Draws the marks. With the CSS Custom Highlight API (Chrome 105+, Firefox 140+, Safari 17.2+)
 * the page's DOM is never touched: the ranges go into a named highlight and its style into a
 * constructed stylesheet adopted by the document (not part of the markup either). Where either is
 * missing, the ranges are wrapped in our own elements, and Clear puts back the very text nodes
 * they split, so the page ends as it began.
 */
import MARKS_CSS from './marks.css?inline';

/** The declarations of one rule of marks.css (the fallback's inline style); the build may minify the file. */
function declarations(selector: string): string {
  const rule = new RegExp(`${selector.replace(/[()]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(MARKS_CSS);
  return (rule?.[1] ?? '').trim().replace(/;?$/, ';');
}
const COLORS = declarations('::highlight(ol-name)');
const CURRENT = declarations('::highlight(ol-name-current)');

function randomName(prefix: string): string {
  const b = crypto.getRandomValues(new Uint8Array(6));
  return prefix + Array.from(b, (x) => 'abcdefghijklmnopqrstuvwxyz'[x % 26]).join('');
}

export interface Marks {
  readonly kind: 'highlight' | 'elements';
  add(ranges: Range[]): void;
  /** Emphasizes one mark (the one the card or the list is about); null for none. */
  setCurrent(range: Range | null): void;
  clear(): void;
}

type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void; clear(): void; priority: number };
interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}

export function createMarks(doc: Document): Marks {
  const win = doc.defaultView as (Window & { Highlight?: HighlightCtor; CSS?: { highlights?: HighlightRegistry } }) | null;
  const Highlight = win?.Highlight ?? (globalThis as { Highlight?: HighlightCtor }).Highlight;
  const registry = (win?.CSS ?? (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS)?.highlights;
  if (Highlight && registry) {
    const m = highlightMarks(doc, Highlight, registry);
    if (m) return m;
  }
  return elementMarks(doc);
}

function highlightMarks(doc: Document, Highlight: HighlightCtor, registry: HighlightRegistry): Marks | null {
  const name = randomName('ol-');
  const css = MARKS_CSS.replaceAll('ol-name', name);
  let sheet: CSSStyleSheet | null = null;
  let styleEl: HTMLStyleElement | null = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // Some content-script worlds cannot adopt a sheet into the page: a <style> of ours, removed on Clear.
    sheet = null;
    styleEl = doc.createElement('style');
    styleEl.textContent = css;
    (doc.head ?? doc.documentElement).appendChild(styleEl);
  }
  const all = new Highlight();
  const current = new Highlight();
  current.priority = 1;
  registry.set(name, all);
  registry.set(`${name}-current`, current);
  return {
    kind: 'highlight',
    add(ranges) {
      for (const r of ranges) all.add(r);
    },
    setCurrent(range) {
      current.clear();
      if (range) current.add(range);
    },
    clear() {
      registry.delete(name);
      registry.delete(`${name}-current`);
      all.clear();
      current.clear();
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      styleEl?.remove();
    },
  };
}

/** The fallback: <mark>-like elements of our own, undone node for node. */
function elementMarks(doc: Document): Marks {
  const tag = randomName('x-olm-');
  const wrappers: HTMLElement[] = [];
  // Each text node we split, with the nodes its text now lives in (in order), to join back.
  const splits = new Map<Text, Text[]>();
  let currentEl: HTMLElement[] = [];
  const wrapInNode = (node: Text, start: number, end: number) => {
    if (end <= start) return;
    let owner = node;
    for (const [orig, parts] of splits) if (parts.includes(node)) owner = orig;
    const parts = splits.get(owner) ?? [owner];
    let mid = node;
    if (start > 0) mid = node.splitText(start);
    if (end - start < mid.data.length) {
      const rest = mid.splitText(end - start);
      parts.splice(parts.indexOf(node) + 1, 0, ...(mid !== node ? [mid] : []), rest);
    } else if (mid !== node) parts.splice(parts.indexOf(node) + 1, 0, mid);
    splits.set(owner, parts);
    const el = doc.createElement(tag);
    el.style.cssText = COLORS;
    mid.replaceWith(el);
    el.appendChild(mid);
    wrappers.push(el);
  };
  return {
    kind: 'elements',
    add(ranges) {
      // Last mark first: splitting a text node after an offset leaves the offsets before it as they were.
      const ordered = [...ranges].sort((a, b) => b.compareBoundaryPoints(Range.START_TO_START, a));
      for (const r of ordered) {
        // Text nodes the range covers, wrapped one by one from the end (splitting shifts offsets after).
        const texts: [Text, number, number][] = [];
        const walker = doc.createTreeWalker(r.commonAncestorContainer, NodeFilter.SHOW_TEXT);
        if (r.commonAncestorContainer.nodeType === Node.TEXT_NODE) texts.push([r.startContainer as Text, r.startOffset, r.endOffset]);
        else
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            if (!r.intersectsNode(n)) continue;
            const s = n === r.startContainer ? r.startOffset : 0;
            const e = n === r.endContainer ? r.endOffset : n.data.length;
            texts.push([n, s, e]);
          }
        for (const [n, s, e] of texts.reverse()) wrapInNode(n, s, e);
      }
    },
    setCurrent(range) {
      for (const el of currentEl) el.style.cssText = COLORS;
      currentEl = range ? wrappers.filter((w) => range.intersectsNode(w)) : [];
      for (const el of currentEl) el.style.cssText = COLORS + CURRENT;
    },
    clear() {
      for (const el of wrappers) {
        const text = el.firstChild;
        if (text && el.parentNode) el.replaceWith(text);
        else el.remove();
      }
      wrappers.length = 0;
      for (const [orig, parts] of splits) {
        orig.data = parts.map((p) => p.data).join('');
        for (const p of parts) if (p !== orig) p.remove();
      }
      splits.clear();
    },
  };
}
