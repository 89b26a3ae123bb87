/**
 * Which frame of a tab holds the reader's selection, for the keyboard command (the context menu
 * names its frame; the command does not). Every frame we may reach is asked, in one
 * `scripting.executeScript` with `allFrames`, how long its selection is (never the text itself),
 * and whether its document has focus. Frames the extension may not reach are skipped by the
 * browser. `injectImmediately`: a page that never finishes loading still answers.
 */
import { browser } from 'wxt/browser';

export interface FrameSelection {
  frameId: number;
  /** Characters selected in that frame (0: none). */
  length: number;
  focused: boolean;
}

/** Runs in each frame (serialized by the browser, so self-contained): the selection's length, not its text. */
export function probeSelection(): { length: number; focused: boolean } {
  const a = document.activeElement;
  let length = 0;
  if (a instanceof HTMLTextAreaElement || (a instanceof HTMLInputElement && /^(text|search|url|email)$/.test(a.type))) {
    length = Math.max(0, (a.selectionEnd ?? 0) - (a.selectionStart ?? 0));
  } else {
    const s = document.getSelection();
    length = s && !s.isCollapsed ? s.toString().trim().length : 0;
  }
  return { length, focused: document.hasFocus() };
}

/** The frame to show the card in: the focused frame with a selection, else the longest selection, else frame 0. */
export function pickFrame(frames: readonly FrameSelection[]): number {
  const withText = frames.filter((f) => f.length > 0);
  const focused = withText.find((f) => f.focused);
  if (focused) return focused.frameId;
  const longest = [...withText].sort((a, b) => b.length - a.length)[0];
  return longest?.frameId ?? 0;
}

/** Resolves `p`, or `fallback` after `ms` (the promise keeps running; its late result is ignored). */
export function withDeadline<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const t = setTimeout(() => resolve(fallback), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      () => {
        clearTimeout(t);
        resolve(fallback);
      },
    );
  });
}

/** Asks every reachable frame of `tabId` about its selection; frame 0 when none answers in `ms`. */
export async function findSelectionFrame(tabId: number, ms = 1000): Promise<number> {
  const ask = browser.scripting
    .executeScript({ target: { tabId, allFrames: true }, func: probeSelection, injectImmediately: true })
    .then((results) =>
      results.flatMap((r) => {
        const v = r.result as { length?: unknown; focused?: unknown } | undefined;
        return typeof v?.length === 'number' ? [{ frameId: r.frameId, length: v.length, focused: v.focused === true }] : [];
      }),
    );
  return pickFrame(await withDeadline(ask, ms, []));
}
