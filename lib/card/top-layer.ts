/**
 * A page's open modal dialog makes everything outside it inert and sits in the top layer, above
 * any z-index. A host added to <html> would then be unclickable and hidden, so it joins that
 * dialog (its subtree stays live) and enters the top layer above it as a manual popover (no light
 * dismiss; Esc is handled by the card).
 */

/** The last open modal dialog in document order (pages rarely stack two), if any. */
export function topmostModal(doc: Document): HTMLDialogElement | null {
  let top: HTMLDialogElement | null = null;
  try {
    for (const d of Array.from(doc.querySelectorAll('dialog'))) if (d.matches(':modal')) top = d;
  } catch {
    return null; // a browser without :modal
  }
  return top;
}

/** Puts `host` into the page: into the topmost modal dialog and the top layer if one is open, else at the end of <html>. */
export function attachAboveThePage(host: HTMLElement, doc: Document): void {
  const modal = topmostModal(doc);
  if (!modal) {
    (doc.documentElement ?? doc.body).appendChild(host);
    return;
  }
  host.setAttribute('popover', 'manual');
  modal.appendChild(host);
  try {
    host.showPopover();
  } catch {
    /* no Popover API (Chrome < 114): the card stays in the dialog, usable but maybe misplaced */
  }
}
