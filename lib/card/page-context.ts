/**
 * The page around a selection, for the lookup it starts: the text of the block that holds the
 * selection and its neighbours (at most 2,000 characters), the page title and its address
 * without query or fragment. The engine uses it to decide what "the ordinance" means on this
 * page and whose law it is. It goes to the background with that one lookup and is never stored,
 * never written to history, never sent anywhere else.
 */
import type { PageContext } from '../../core/search/index';

export const MAX_CONTEXT_CHARS = 2000;
const BLOCK = 'p,li,td,th,dd,dt,blockquote,pre,h1,h2,h3,h4,h5,h6,figcaption,caption,article,section,div';

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The element that holds the selection (the focused text field for a selection inside one). */
function selectionElement(doc: Document): Element | null {
  const active = doc.activeElement;
  if (active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT')) return active;
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const node = sel.getRangeAt(0).commonAncestorContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** Text of the selection's block and the blocks before and after it, within the limit. */
export function readPageContext(doc: Document, win: { location: { protocol: string; host: string; pathname: string } } = doc.defaultView ?? window): PageContext | undefined {
  try {
    const title = squash(doc.title).slice(0, 300);
    const url = /^https?:$/.test(win.location.protocol) ? `${win.location.protocol}//${win.location.host}${win.location.pathname}`.slice(0, 500) : undefined;
    const el = selectionElement(doc);
    const block = el?.closest(BLOCK) ?? null;
    let text = '';
    if (block) {
      text = squash(block.textContent).slice(0, MAX_CONTEXT_CHARS);
      let prev = block.previousElementSibling;
      let next = block.nextElementSibling;
      while ((prev || next) && text.length < MAX_CONTEXT_CHARS) {
        if (prev) {
          const t = squash(prev.textContent);
          if (t) text = `${t} ${text}`;
          prev = prev.previousElementSibling;
        }
        if (next && text.length < MAX_CONTEXT_CHARS) {
          const t = squash(next.textContent);
          if (t) text = `${text} ${t}`;
          next = next.nextElementSibling;
        }
      }
      text = text.slice(0, MAX_CONTEXT_CHARS);
    }
    if (!text && !title && !url) return undefined;
    return { ...(text ? { text } : {}), ...(title ? { title } : {}), ...(url ? { url } : {}) };
  } catch {
    // A page that breaks DOM access (hostile getters, detached nodes) just gives no context.
    return undefined;
  }
}

/** Caps what a message carries as context (the background never trusts the page's sizes). */
export function cleanContext(x: unknown): PageContext | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  const str = (v: unknown, max: number) => (typeof v === 'string' && v ? v.slice(0, max) : undefined);
  const ctx: PageContext = {};
  const text = str(o.text, MAX_CONTEXT_CHARS);
  const title = str(o.title, 300);
  const url = str(o.url, 500);
  if (text) ctx.text = text;
  if (title) ctx.title = title;
  if (url) ctx.url = url;
  return text || title || url ? ctx : undefined;
}
