/**
 * Collects a page's visible text nodes with their offsets (core/scan/visible-text), a slice at a
 * time so a long page never blocks the main thread for long: between slices it yields to the
 * page. Skipped: scripts, styles, form fields, hidden and unrendered elements, our own hosts
 * (their shadow roots are closed anyway).
 */
import { joinPieces, type TextPiece, type VisibleText } from '../../core/scan/visible-text';
import { BLOCK_TAGS } from '../../core/scan/html-text';
import { MAX_SCAN_CHARS } from './protocol';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'input', 'svg', 'iframe', 'object', 'canvas', 'math', 'head', 'title']);

export interface PageText {
  vt: VisibleText;
  nodes: Text[];
}

/** Milliseconds of work per slice before yielding to the page. */
export const SLICE_MS = 8;

export const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

function blockOf(el: Element | null, cache: Map<Element, Element | null>): Element | null {
  const start = el;
  const path: Element[] = [];
  while (el) {
    const hit = cache.get(el);
    if (hit !== undefined) {
      el = hit;
      break;
    }
    path.push(el);
    if (BLOCK_TAGS.has(el.localName)) break;
    el = el.parentElement;
  }
  for (const p of path) cache.set(p, el);
  return start ? el : null;
}

/** The visible text under `roots` (the whole body by default), collected in slices. */
export async function collectText(doc: Document, roots: Node[] = [doc.body], skipHosts: ReadonlySet<Element> = new Set()): Promise<PageText> {
  const pieces: TextPiece[] = [];
  const nodes: Text[] = [];
  const visible = new Map<Element, boolean>();
  const blocks = new Map<Element, Element | null>();
  let chars = 0;
  let lastBlock: Element | null | undefined;
  let breakPending = true;
  let deadline = performance.now() + SLICE_MS;
  for (const root of roots) {
    if (!root) continue;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (SKIP.has(el.localName) || skipHosts.has(el) || el.hasAttribute('hidden')) return NodeFilter.FILTER_REJECT;
        if (el.localName === 'br' || BLOCK_TAGS.has(el.localName)) breakPending = true;
        return NodeFilter.FILTER_SKIP;
      },
    });
    breakPending = true;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const data = text.data;
      if (!data) continue;
      const parent = text.parentElement;
      if (parent) {
        let v = visible.get(parent);
        if (v === undefined) {
          v = typeof parent.checkVisibility === 'function' ? parent.checkVisibility() : true;
          visible.set(parent, v);
        }
        if (!v) continue;
      }
      const block = blockOf(parent, blocks);
      const isBreak = breakPending || block !== lastBlock;
      if (!data.trim() && isBreak) continue; // whitespace between blocks
      pieces.push(isBreak ? { text: data, block: true } : { text: data });
      nodes.push(text);
      lastBlock = block;
      breakPending = false;
      chars += data.length;
      if (chars > MAX_SCAN_CHARS) break;
      if ((nodes.length & 63) === 0 && performance.now() > deadline) {
        await yieldToPage();
        deadline = performance.now() + SLICE_MS;
      }
    }
  }
  return { vt: joinPieces(pieces), nodes };
}
