/** The page's selection: its text (never from a password field) and where it is on screen. */
import { MAX_ECHO_CHARS, MAX_SELECTION_CHARS } from '../messages';
import type { Rect } from './position';

/** A password field (or one the page marks as a one-time code or card number): never read. */
export function isSecretField(el: Element | null): boolean {
  return el instanceof HTMLInputElement && (el.type === 'password' || /^(one-time-code|cc-number|cc-csc|current-password|new-password)$/.test(el.autocomplete));
}

/** The page's selection as text (inputs and textareas included), capped. */
export function readSelection(doc: Document = document): string {
  const active = doc.activeElement;
  // A password is never read, sent or looked up (browsers may report its selection as text).
  if (isSecretField(active)) return '';
  if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && /^(text|search|url|email)$/.test(active.type))) {
    const { selectionStart: s, selectionEnd: e } = active;
    if (s !== null && e !== null && e > s) return active.value.slice(s, Math.min(e, s + MAX_SELECTION_CHARS + 1));
  }
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return '';
  return sel.toString().slice(0, MAX_SELECTION_CHARS + 1); // one over: the engine reports `truncated`
}

/** "first line … last line" of what was selected, for the echo. */
export function echoOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_ECHO_CHARS) return flat;
  const half = Math.floor((MAX_ECHO_CHARS - 3) / 2);
  return `${flat.slice(0, half).trimEnd()} … ${flat.slice(-half).trimStart()}`;
}

function toRect(r: DOMRect): Rect {
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
}

/** The selection's first and last line boxes (viewport pixels), or null when nothing is selected on screen. */
export function selectionAnchor(doc: Document): { first: Rect; last: Rect } | null {
  const active = doc.activeElement;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
    const r = active.getBoundingClientRect();
    if (r.width || r.height) return { first: toRect(r), last: toRect(r) };
  }
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (first && last) return { first: toRect(first), last: toRect(last) };
  const box = range.getBoundingClientRect();
  return box.width || box.height ? { first: toRect(box), last: toRect(box) } : null;
}
