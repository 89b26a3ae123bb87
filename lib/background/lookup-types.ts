/** What a lookup request carries and what it did (the menu, the command and the e2e hook share them). */
import type { Browser } from 'wxt/browser';

/** What a lookup request did, for tests and diagnostics. */
export interface LookupOutcome {
  surface: 'card' | 'sidepanel' | 'none';
  reason?: string;
  /** Did the side panel actually open (false if the browser refused, e.g. no user gesture). */
  panelOpened?: boolean;
  /** The panel was refused and the same UI opened in a small window instead. */
  windowOpened?: boolean;
  /** Milliseconds from the request to the card painted (wall clock, both sides), for the bench. */
  paintMs?: number;
}

export interface LookupRequest {
  tab: Browser.tabs.Tab | undefined;
  frameId?: number;
  /** The selection, as the context menu reports it; absent for the keyboard command. */
  text?: string;
  pageUrl?: string;
  frameUrl?: string;
}

/** A sub-millisecond wall clock that means the same in the worker and in the page. */
export const wallClock = () => performance.timeOrigin + performance.now();
