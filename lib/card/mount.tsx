/**
 * Mounts the in-page card: one host element with a neutral name, a CLOSED shadow root (page
 * scripts get `null` from host.shadowRoot and cannot read what the reader looked up), the CSS
 * inlined into a <style> in that root (no web-accessible CSS, nothing in the page's <head>),
 * `all: initial` and the maximum z-index on the host. Page text is only ever rendered as Preact
 * text nodes. Esc or a click outside dismisses it; focus returns where it was.
 */
import { render } from 'preact';
import { LENS_CSS } from '../../components/styles';
import { LensCard } from '../../components/LensCard';
import { askBackground, MAX_ECHO_CHARS, MAX_SELECTION_CHARS, type EntryView, type LookupView } from '../messages';
import { writeClipboard } from '../clipboard';
import type { CopyOutcome } from '../../components/CitationCopy';
import { placeCard, type Rect } from './position';

/**
 * The host's own styles live in the shadow root's `:host` rule with !important: important
 * declarations of a shadow tree beat every important declaration of the page (stylesheets or
 * inline), so no page rule can hide, move or restyle the host. Only the position comes from
 * the host's inline style, as two custom properties (`all` does not reset custom properties).
 */
const HOST_CSS = `:host {
  all: initial !important; position: absolute !important; z-index: 2147483647 !important; display: block !important;
  top: var(--ol-y, 0px) !important; left: var(--ol-x, -10000px) !important; margin: 0 !important; padding: 0 !important;
  border: 0 !important; width: auto !important; height: auto !important; transform: none !important; filter: none !important;
  opacity: 1 !important; visibility: visible !important; contain: layout style !important; pointer-events: auto !important;
  zoom: var(--ol-zoom, 1) !important;
}`;

function hostCss(top: number, left: number, maxHeight?: number, zoom = 1): string {
  const cap = maxHeight === undefined ? '' : ` --ol-max-h: ${maxHeight}px !important;`;
  const z = zoom === 1 ? '' : ` --ol-zoom: ${zoom} !important;`;
  return `--ol-y: ${top}px !important; --ol-x: ${left}px !important;${cap}${z}`;
}

/**
 * How much the page scales what we add to <html>: its `zoom` (which every descendant inherits,
 * multiplied) and any `transform`. Measured, not parsed: the card's drawn width over its own
 * CSS width (offsetWidth ignores both). 1 on an ordinary page.
 */
function pageScale(card: HTMLElement): number {
  const drawn = card.getBoundingClientRect().width;
  const own = card.offsetWidth;
  if (!drawn || !own) return 1;
  const s = drawn / own;
  return Math.abs(s - 1) < 0.01 ? 1 : s;
}

const SHADOW_CSS = `${HOST_CSS}\n${LENS_CSS}`;

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

function selectionAnchor(doc: Document): { first: Rect; last: Rect } | null {
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

/** The last open modal dialog in document order (pages rarely stack two), if any. */
function topmostModal(doc: Document): HTMLDialogElement | null {
  let top: HTMLDialogElement | null = null;
  try {
    for (const d of Array.from(doc.querySelectorAll('dialog'))) if (d.matches(':modal')) top = d;
  } catch {
    return null; // a browser without :modal
  }
  return top;
}

function randomName(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  for (const b of bytes) s += letters[b % 26];
  return `x-${s}`;
}

export class CardController {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private returnFocus: Element | null = null;
  private anchor: { first: Rect; last: Rect } | null = null;
  private state: { view: LookupView | null; echo: string; opened: EntryView | null } = { view: null, echo: '', opened: null };
  /** The selection looked up, for the side panel when the page blocks copying. */
  private text = '';
  private readonly hostName = randomName();
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.host) {
      // Cancelling the keydown keeps the Esc for the card: the page's own modal dialog or
      // popover stays open (the browser sends no close request for a cancelled keydown).
      e.preventDefault();
      e.stopPropagation();
      this.hide();
    }
  };
  private readonly onPointer = (e: Event) => {
    if (this.host && !e.composedPath().includes(this.host)) this.hide();
  };

  constructor(private readonly doc: Document = document) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Shown and still in the page (a page may remove our host). */
  get isConnected(): boolean {
    return this.host?.isConnected === true;
  }

  /** Shows the card for `view` (or a "looking up" card when null), beside the current selection. */
  show(view: LookupView | null, text: string): void {
    const doc = this.doc;
    this.anchor = selectionAnchor(doc);
    if (!this.host) {
      this.returnFocus = doc.activeElement;
      const host = doc.createElement(this.hostName);
      host.style.cssText = hostCss(0, -10000);
      const root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = SHADOW_CSS;
      root.appendChild(style);
      const modal = topmostModal(doc);
      if (modal) {
        // A modal dialog makes everything outside it inert and sits in the top layer, above any
        // z-index. So the host joins that dialog (its subtree stays live) and enters the top
        // layer above it as a manual popover (no light dismiss; Esc is ours).
        host.setAttribute('popover', 'manual');
        modal.appendChild(host);
        try {
          host.showPopover();
        } catch {
          /* no Popover API (Chrome < 114): the card stays in the dialog, usable but maybe misplaced */
        }
      } else (doc.documentElement ?? doc.body).appendChild(host);
      this.host = host;
      this.root = root;
      doc.addEventListener('keydown', this.onKey, true);
      doc.addEventListener('pointerdown', this.onPointer, true);
    }
    this.state = { view, echo: echoOf(text), opened: null };
    this.text = text;
    this.paint();
    this.place();
    const dialog = this.root?.querySelector<HTMLElement>('[data-ol="card"]');
    dialog?.focus({ preventScroll: true });
  }

  update(view: LookupView): void {
    if (!this.host) return;
    this.state = { ...this.state, view };
    this.paint();
    this.place();
  }

  hide(): void {
    if (!this.host || !this.root) return;
    render(null, this.root);
    this.host.remove();
    this.host = null;
    this.root = null;
    this.doc.removeEventListener('keydown', this.onKey, true);
    this.doc.removeEventListener('pointerdown', this.onPointer, true);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected && back !== this.doc.body) back.focus({ preventScroll: true });
  }

  private async open(id: string) {
    // A failed ask leaves the answer in place (the reader can try again), never a broken card.
    const entry = await askBackground('entry', { id }).catch(() => null);
    if (!entry || !this.host) return;
    this.state = { ...this.state, opened: entry };
    this.paint();
    this.place();
  }

  private paint() {
    if (!this.root) return;
    const { view, echo, opened } = this.state;
    const root = this.root;
    render(
      <LensCard
        view={view}
        echo={echo}
        opened={opened}
        onOpen={(id) => void this.open(id)}
        onBack={() => {
          this.state = { ...this.state, opened: null };
          this.paint();
        }}
        onClose={() => this.hide()}
        copy={(text) => this.copy(text)}
      />,
      root,
    );
  }

  /** Copies with the Clipboard API only; when the page blocks it, offers the side panel's copy. */
  private async copy(citation: string): Promise<CopyOutcome> {
    if (await writeClipboard(citation)) return true;
    const query = this.state.opened?.entry.title ?? this.text;
    return {
      blocked: 'This page blocks copying.',
      offer: {
        label: 'Copy from the side panel',
        run: () => askBackground('panelForCopy', { text: query }).then((r) => !!r?.opened, () => false),
      },
    };
  }

  private place() {
    const host = this.host;
    if (!host || !this.root) return;
    const win = this.doc.defaultView!;
    const card = this.root.querySelector<HTMLElement>('[data-ol="card"]');
    // Measure the card at its natural height, unzoomed.
    host.style.removeProperty('--ol-max-h');
    host.style.removeProperty('--ol-zoom');
    // A page that zooms or scales its root (html { zoom: 3 }, transform: scale(.6)) would scale
    // the card with it: the host's own zoom cancels that, so the card keeps its size on screen.
    const scale = card ? pageScale(card) : 1;
    const zoom = scale === 1 ? 1 : 1 / scale;
    const size = { width: card?.offsetWidth || 400, height: card?.offsetHeight || 300 };
    // The viewport as drawn; the root's clientWidth is in its own zoomed pixels.
    const vw = scale === 1 ? this.doc.documentElement.clientWidth || win.innerWidth : (win.visualViewport?.width ?? win.innerWidth);
    const vh = scale === 1 ? this.doc.documentElement.clientHeight || win.innerHeight : (win.visualViewport?.height ?? win.innerHeight);
    const p = placeCard(this.anchor, size, { width: vw, height: vh });
    // Absolute in document coordinates, so the card scrolls with the text it explains.
    let top = Math.round(p.top + win.scrollY);
    let left = Math.round(p.left + win.scrollX);
    host.style.cssText = hostCss(top, left, p.maxHeight, zoom);
    if (scale === 1 || !card) return;
    // A transformed or zoomed root also moves the card (its transform origin, its own pixels):
    // with the zoom cancelled one pixel of ours is one on screen, so one correction lands it.
    const drawn = card.getBoundingClientRect();
    const dx = p.left - drawn.left;
    const dy = p.top - drawn.top;
    if (Math.abs(dx) > 1 || Math.abs(dy) > 1) {
      top = Math.round(top + dy);
      left = Math.round(left + dx);
      host.style.cssText = hostCss(top, left, p.maxHeight, zoom);
    }
  }
}
