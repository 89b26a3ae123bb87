/**
 * The in-page card's listener. It answers the background's `card:show` and `card:ping` with a
 * `Reply` (lib/reply.ts), as every listener of ours does: a card that failed is a failure the
 * background names (the side panel's reason), not a plain object it would have to trust.
 */
import { browser } from 'wxt/browser';
import { answerWith } from '../reply';
import type { CardMessage, CardProtocol } from '../messages';

type CardShow = CardProtocol['card:show'];

export function listenForCard(show: (req: CardShow['req']) => Promise<CardShow['res']>): void {
  browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse) => {
    const m = msg as CardMessage | undefined;
    if (m?.type === 'card:ping') return answerWith('card:ping', async () => ({ alive: true as const }), sendResponse);
    if (m?.type !== 'card:show') return false;
    return answerWith('card:show', () => show(m), sendResponse);
  });
}

/** True for what `card:show` answers (checked by the background: the frame is the page's). */
export function isCardShowAnswer(x: unknown): x is CardShow['res'] {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { shown?: unknown; reason?: unknown; paintedAt?: unknown };
  return typeof r.shown === 'boolean' && (r.reason === undefined || typeof r.reason === 'string') && (r.paintedAt === undefined || typeof r.paintedAt === 'number');
}
