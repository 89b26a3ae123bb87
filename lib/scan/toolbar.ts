/**
 * The small bar shown while a page is explained: how many mentions are marked (and how many more
 * were found than are marked), Previous / Next (the keyboard way to a mark: it opens the card
 * there) and Clear. A closed shadow root on a neutrally named host, fixed to the corner; built
 * with DOM calls and textContent only (no page text as HTML).
 */
import CSS from './toolbar.css?inline';

export interface ToolbarHandlers {
  prev(): void;
  next(): void;
  clear(): void;
}

/** A neutral random name (two parts, so it is never taken for the card's host). */
function randomTag(): string {
  const b = crypto.getRandomValues(new Uint8Array(8));
  const w = Array.from(b, (x) => 'abcdefghijklmnopqrstuvwxyz'[x % 26]).join('');
  return `x-${w.slice(0, 4)}-${w.slice(4)}`;
}

export class Toolbar {
  readonly host: HTMLElement;
  private readonly msg: HTMLElement;

  constructor(private readonly doc: Document, handlers: ToolbarHandlers) {
    this.host = doc.createElement(randomTag());
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', 'Ordinance Lens: laws on this page');
    bar.setAttribute('data-ol', 'scan-bar');
    this.msg = doc.createElement('span');
    this.msg.className = 'msg';
    this.msg.setAttribute('role', 'status');
    this.msg.textContent = 'Ordinance Lens is reading this page…';
    const button = (label: string, title: string, fn: () => void) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.title = title;
      b.setAttribute('data-ol', label.toLowerCase());
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        fn();
      });
      return b;
    };
    bar.append(
      this.msg,
      button('Previous', 'Previous mention (opens its card)', handlers.prev),
      button('Next', 'Next mention (opens its card)', handlers.next),
      button('Clear', 'Remove the marks', handlers.clear),
    );
    root.append(style, bar);
    (doc.documentElement ?? doc.body).appendChild(this.host);
  }

  /** "12 mentions of 5 laws and terms marked (40 more not marked)". */
  setCounts(marks: number, entries: number, more: number): void {
    if (!marks) {
      this.msg.textContent = 'Nothing on this page is in your packs.';
      return;
    }
    const m = `${marks} mention${marks === 1 ? '' : 's'} of ${entries} ${entries === 1 ? 'entry' : 'entries'} marked`;
    this.msg.textContent = more ? `${m} (${more} more not marked)` : `${m}. Click a mark to explain it.`;
  }

  remove(): void {
    this.host.remove();
  }
}
