/**
 * Writes text to the clipboard from a click handler. Tries the async Clipboard API, then falls
 * back to a temporary textarea + execCommand inside `container` (the card's shadow root, so
 * nothing is added to the page's light DOM). Resolves false when both fail.
 */
export async function copyText(text: string, container?: ParentNode & Node): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path (no permission, no focus, insecure page …)
  }
  try {
    const doc = container?.ownerDocument ?? document;
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
    (container ?? doc.body).appendChild(area);
    area.select();
    const ok = doc.execCommand('copy');
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

/**
 * For the in-page card: the async Clipboard API only. True only when the browser says our text is
 * on the clipboard. No execCommand('copy') fallback in a web page: it fires a `copy` event the
 * page can read and rewrite (a capture listener sees our text and can put its own instead), and
 * it reports success either way. When the page blocks the clipboard (Permissions-Policy,
 * an insecure page, no focus), the card offers the side panel, an extension page, instead.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
