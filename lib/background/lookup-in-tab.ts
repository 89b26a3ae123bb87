/**
 * The one lookup handler behind the context menu, the keyboard command and the e2e hook.
 *
 * Where a card can go, the card script is injected on demand into the frame that holds the
 * selection (activeTab + scripting; no host permissions, no always-on content script). Where it
 * cannot (PDF viewer, browser pages, the extension store, refused injection, card turned off),
 * the same lookup opens in the side panel (Chrome) or sidebar (Firefox). `sidePanel.open` only
 * works inside the user gesture, so it is called before anything is awaited whenever the URL
 * already tells us the card cannot go there.
 */
import { browser } from 'wxt/browser';
import { MAX_SELECTION_CHARS, type CardProtocol, type LookupView } from '../messages';
import { withDeadline } from '../frames';
import { MessageError, unwrapReply } from '../reply';
import { isCardShowAnswer } from '../card/card-listener';
import type { BackgroundContext } from './context';
import { lookupWhole } from '../large-packs';
import { openPanel, toPanel } from './panel';
import { recordLookup } from './record';
import { cardBlockedReason, cardOffFor } from './where-card';
import { wallClock, type LookupOutcome, type LookupRequest } from './lookup-types';

export const CARD_SCRIPT = '/lookup-card.js';
/**
 * The card script must be in the page this soon after the request, or the lookup opens in the
 * side panel: a page that never finishes loading (window.stop(), a response that never ends, a
 * slow image) must not leave the reader with nothing. Injection itself does not wait for the
 * load (`injectImmediately`); this bounds whatever else holds it up.
 */
export const INJECT_DEADLINE_MS = 700;
/** The injected card must say it is shown within this (it looks the selection up first on the keyboard path). */
export const CARD_ANSWER_DEADLINE_MS = 5000;

/** Starts injecting the card script; true once it is in, 'late' past the deadline. */
function injectCard(ctx: BackgroundContext, tabId: number, frameId: number, url: string | undefined): Promise<boolean | 'late'> {
  const injecting = browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_SCRIPT], injectImmediately: true }).then(
    () => (ctx.injectedFrames.add(tabId, frameId), true as const),
    (err: unknown) => {
      console.debug('[Ordinance Lens] card script not injected:', String(err), url);
      return false as const;
    },
  );
  return withDeadline<boolean | 'late'>(injecting, INJECT_DEADLINE_MS, 'late');
}

type CardShow = CardProtocol['card:show'];

/** The side panel's reason for a card that did not answer with a shown card: it failed, sent something else, or said nothing. */
export function cardFailureReason(err: unknown): string {
  const why = err instanceof MessageError ? err.why : 'unanswered';
  return why === 'failed' ? 'error' : why === 'not-a-reply' ? 'card-refused' : 'card-unreachable';
}

/**
 * Asks the injected card to show, reading its Reply with the checked reader (lib/reply.ts);
 * bounded, so a card that never answers (a stalled frame) cannot hold the lookup.
 */
export async function showCard(tabId: number, frameId: number, req: CardShow['req']): Promise<CardShow['res']> {
  const sent = unwrapReply('card:show', Promise.resolve().then(() => browser.tabs.sendMessage(tabId, { type: 'card:show', ...req }, { frameId })), isCardShowAnswer);
  const answered = sent.catch((err: unknown): CardShow['res'] => {
    console.debug('[Ordinance Lens] card did not show:', String(err));
    return { shown: false, reason: cardFailureReason(err) };
  });
  return withDeadline(answered, CARD_ANSWER_DEADLINE_MS, { shown: false, reason: 'card-unreachable' });
}

/** The side panel's reason when the URL or the settings already rule the card out, decided without awaiting. */
function panelReasonNow(ctx: BackgroundContext, req: LookupRequest): string | undefined {
  const page = req.pageUrl ?? req.tab?.url;
  const blocked = cardBlockedReason(req.frameUrl) ?? cardBlockedReason(page);
  if (blocked) return blocked;
  const settings = ctx.settings.now();
  return settings && cardOffFor(settings, page) ? 'card-off' : undefined;
}

export async function lookupInTab(ctx: BackgroundContext, request: LookupRequest): Promise<LookupOutcome> {
  const t0 = wallClock();
  const text = request.text?.slice(0, MAX_SELECTION_CHARS);
  const req = { ...request, ...(text !== undefined ? { text } : {}) };
  // Decide synchronously where we can (keeps the user gesture for sidePanel.open).
  const now = panelReasonNow(ctx, req);
  if (now) return toPanel(ctx.pending, req, now, openPanel(req.tab));
  const settings = await ctx.settings.ready();
  if (cardOffFor(settings, req.pageUrl ?? req.tab?.url)) return toPanel(ctx.pending, req, 'card-off');
  const tabId = req.tab?.id;
  if (tabId === undefined || tabId < 0) return toPanel(ctx.pending, req, 'no-tab');
  const frameId = req.frameId ?? 0;
  // Start injecting, then compute the answer while the page loads the script.
  const injected = injectCard(ctx, tabId, frameId, req.frameUrl || req.pageUrl || req.tab?.url);
  await ctx.packs.answerable(); // lookupWhole reads the index shards it needs
  const view: LookupView | undefined = request.text ? await lookupWhole(ctx.service, request.text, { citationStyle: settings.citationStyle }) : undefined;
  if (text && view) void recordLookup(text, view);
  const ready = await injected;
  if (ready === 'late') return toPanel(ctx.pending, req, 'page-loading');
  if (!ready) return toPanel(ctx.pending, req, 'injection-failed');
  const res = await showCard(tabId, frameId, { t0, ...(view ? { view } : {}), ...(text ? { text } : {}) });
  if (res.shown) return { surface: 'card', ...(res.paintedAt ? { paintMs: Math.round((res.paintedAt - t0) * 10) / 10 } : {}) };
  return toPanel(ctx.pending, req, res.reason ?? 'card-refused');
}
