/**
 * Who may ask the background what. Our own extension pages (popup, side panel, options: their
 * URL is the extension's) may ask anything. A content script, which can only be our card script
 * (we register none and inject only it), runs inside a web page the page's author controls, so
 * it is held to what a card needs, and only from a tab and frame we injected the card into
 * moments ago: look up and read entries (and check claims against them); record its own lookup in history; ask for the side
 * panel when the page blocks the clipboard or the reader asks for the full entry. It may never take the lookup pending for the side
 * panel (another tab's selection) nor write history on its own (`recordHistory`).
 */
export type SenderKind = 'page' | 'card' | 'refused';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Messages a card may send; `lookup` records history only for a frame we injected into. `check`
 * (claim check of the selection) and `beforeAfter` only read the pack, like `entry`.
 */
const CARD_MESSAGES = new Set(['lookup', 'entry', 'panelForCopy', 'openEntry', 'check', 'beforeAfter']);
/** How long after an injection the card of that frame may record a lookup or ask for the panel. */
export const CARD_GRANT_MS = 5 * 60_000;

export class InjectedFrames {
  private readonly at = new Map<string, number>();
  constructor(private readonly now: () => number = Date.now) {}
  add(tabId: number, frameId: number): void {
    this.at.set(`${tabId}:${frameId}`, this.now());
    if (this.at.size > 500) this.at.delete(this.at.keys().next().value!);
  }
  has(tabId: number | undefined, frameId: number | undefined): boolean {
    if (tabId === undefined) return false;
    const t = this.at.get(`${tabId}:${frameId ?? 0}`);
    return t !== undefined && this.now() - t < CARD_GRANT_MS;
  }
}

export function classifySender(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== runtimeId) return 'refused';
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return 'page';
  if (sender.tab?.id !== undefined) return 'card';
  return 'refused';
}

/**
 * May this message go through, and may it change anything? `record`: a lookup may be written to
 * history. A card's message from a frame we did not inject into lately is answered read-only
 * (a lookup, an entry) or refused.
 */
export function allowMessage(
  kind: SenderKind,
  type: string,
  sender: SenderLike,
  injected: InjectedFrames,
): { ok: boolean; record: boolean } {
  if (kind === 'page') return { ok: true, record: true };
  if (kind !== 'card' || !CARD_MESSAGES.has(type)) return { ok: false, record: false };
  const granted = injected.has(sender.tab?.id, sender.frameId);
  // Both open a browser surface: only the card of a frame we injected into lately may ask.
  if (type === 'panelForCopy' || type === 'openEntry') return { ok: granted, record: false };
  return { ok: true, record: granted };
}
