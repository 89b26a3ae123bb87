/**
 * The background's message listener: checks who is asking (lib/sender-check.ts), dispatches to
 * the handler of that message type, and answers with a `Reply` (lib/reply.ts), so a handler's
 * failure reaches the sender as an error instead of a `null` it would cast to a view.
 */
import { browser } from 'wxt/browser';
import { isBackgroundMessage, type BackgroundMessage, type BackgroundProtocol } from '../messages';
import { isScanMessage } from '../scan/protocol';
import { allowMessage, classifySender } from '../sender-check';
import { answerWith } from '../reply';
import type { BackgroundContext } from './context';
import { HANDLERS, type Caller } from './handlers';

const isKnownType = (type: string): type is keyof BackgroundProtocol => Object.hasOwn(HANDLERS, type);

function dispatch(ctx: BackgroundContext, msg: BackgroundMessage, caller: Caller): Promise<unknown> {
  // One cast where the union meets the map: `msg.type` picks the handler of that message.
  const handler = HANDLERS[msg.type] as (ctx: BackgroundContext, msg: BackgroundMessage, caller: Caller) => Promise<unknown>;
  return handler(ctx, msg, caller);
}

export function listenForMessages(ctx: BackgroundContext): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    // "Explain this page" has its own listener (lib/scan/background.ts).
    if (!isBackgroundMessage(msg) || isScanMessage(msg) || !isKnownType(msg.type)) return false;
    // Only our own pages and our own card script talk to us; a card only about its own lookup.
    const rights = allowMessage(classifySender(sender, browser.runtime.id, browser.runtime.getURL('/')), msg.type, sender, ctx.injectedFrames);
    if (!rights.ok) return false;
    return answerWith(msg.type, () => dispatch(ctx, msg, { sender, mayRecord: rights.record }), sendResponse);
  });
}
