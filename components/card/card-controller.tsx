/**
 * The in-page card's behaviours, around a ShadowContainer: when it shows and hides (Esc or a click
 * outside dismisses it; focus returns where it was), what it renders (LensCard), where it goes
 * (beside the selection: lib/card/place-host.ts), how it stays above a page's modal dialog
 * (lib/card/top-layer.ts),
 * and what its buttons ask of the background (open an entry, copy, open the full entry).
 */
import { LENS_CSS } from '../styles';
import { LensCard } from '../LensCard';
import { askBackground, type EntryView, type LookupView } from '../../lib/messages';
import { writeClipboard } from '../../lib/clipboard';
import type { CopyOutcome } from '../CitationCopy';
import type { Rect } from '../../lib/card/position';
import type { CardSurface } from '../../lib/card/card-surface';
import { attachAboveThePage } from '../../lib/card/top-layer';
import { echoOf, selectionAnchor } from '../../lib/card/selection';
import { hostVars, placeHost } from '../../lib/card/place-host';
import { openFullEntryFromCard } from '../../lib/card/open-full-entry';
import HOST_CSS from './host.css?inline';
import { ShadowContainer } from './shadow-container';

export { isSecretField, readSelection } from '../../lib/card/selection';

const SHADOW_CSS = `${HOST_CSS}\n${LENS_CSS}`;

/** An entry the reader opened inside the card, and the entry it was listed under as related (if so). */
interface OpenedEntry {
  view: EntryView;
  relatedTo?: string;
}

interface CardState {
  view: LookupView | null;
  echo: string;
  opened: OpenedEntry | null;
}

export class CardController implements CardSurface {
  private box: ShadowContainer | null = null;
  private returnFocus: Element | null = null;
  private anchor: { first: Rect; last: Rect } | null = null;
  private state: CardState = { view: null, echo: '', opened: null };
  /** The selection looked up, for the side panel when the page blocks copying. */
  private text = '';
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.box) {
      // Cancelling the keydown keeps the Esc for the card: the page's own modal dialog or
      // popover stays open (the browser sends no close request for a cancelled keydown).
      e.preventDefault();
      e.stopPropagation();
      this.hide();
    }
  };
  private readonly onPointer = (e: Event) => {
    if (this.box && !e.composedPath().includes(this.box.host)) this.hide();
  };

  constructor(private readonly doc: Document = document) {}

  get isOpen(): boolean {
    return this.box !== null;
  }

  /** Shown and still in the page (a page may remove our host). */
  get isConnected(): boolean {
    return this.box?.isConnected === true;
  }

  /** Shows the card for `view` (or a "looking up" card when null), beside the current selection. */
  show(view: LookupView | null, text: string): void {
    this.anchor = selectionAnchor(this.doc);
    if (!this.box) this.mount();
    this.state = { view, echo: echoOf(text), opened: null };
    this.text = text;
    this.repaint();
    this.box?.query<HTMLElement>('[data-ol="card"]')?.focus({ preventScroll: true });
  }

  update(view: LookupView): void {
    if (!this.box) return;
    this.state = { ...this.state, view };
    this.repaint();
  }

  hide(): void {
    if (!this.box) return;
    this.box.destroy();
    this.box = null;
    this.doc.removeEventListener('keydown', this.onKey, true);
    this.doc.removeEventListener('pointerdown', this.onPointer, true);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected && back !== this.doc.body) back.focus({ preventScroll: true });
  }

  private mount(): void {
    this.returnFocus = this.doc.activeElement;
    const box = new ShadowContainer(this.doc, SHADOW_CSS);
    box.host.style.cssText = hostVars(0, -10000);
    attachAboveThePage(box.host, this.doc);
    this.box = box;
    this.doc.addEventListener('keydown', this.onKey, true);
    this.doc.addEventListener('pointerdown', this.onPointer, true);
  }

  private async open(id: string, relatedTo?: string) {
    const view = await askBackground('entry', { id }).catch(() => null);
    if (!view || !this.box) return;
    this.state = { ...this.state, opened: { view, ...(relatedTo ? { relatedTo } : {}) } };
    this.repaint();
  }

  private repaint() {
    this.paint();
    if (this.box) placeHost(this.box.host, this.box.query<HTMLElement>('[data-ol="card"]'), this.anchor, this.doc);
  }

  private paint() {
    const { view, echo, opened } = this.state;
    this.box?.render(
      <LensCard
        view={view}
        echo={echo}
        opened={opened?.view ?? null}
        {...(opened?.relatedTo ? { openedRelatedTo: opened.relatedTo } : {})}
        onOpen={(id, relatedTo) => void this.open(id, relatedTo)}
        onOpenFull={(id) => openFullEntryFromCard(id)}
        onBack={() => {
          this.state = { ...this.state, opened: null };
          this.paint();
        }}
        onClose={() => this.hide()}
        copy={(text) => this.copy(text)}
      />,
    );
  }

  /** Copies with the Clipboard API only; when the page blocks it, offers the side panel's copy. */
  private async copy(citation: string): Promise<CopyOutcome> {
    if (await writeClipboard(citation)) return true;
    const query = this.state.opened?.view.entry.title ?? this.text;
    return {
      blocked: 'This page blocks copying.',
      offer: {
        label: 'Copy from the side panel',
        run: () => askBackground('panelForCopy', { text: query }).then((r) => !!r?.opened, () => false),
      },
    };
  }
}
