/**
 * Every answer our message listeners send is a `Reply`: the value, or why the handler failed.
 * Without it a handler's exception became a `null` answer that the sender cast to a view, and
 * the card could hang on "Looking this up…". Now the failure reaches the sender: `unwrapReply`
 * rejects with a `MessageError`, which the page turns into plain words.
 *
 * Why not @webext-core/messaging (docs/decisions/0010-messages.md): it would bring
 * webextension-polyfill beside WXT's `browser`, and our sender checks (lib/sender-check.ts) must
 * run before any handler, on the same listener that the page scan shares.
 */

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Why a message failed: its handler threw (`failed`), nobody answered, or the answer was not the reply expected. */
export type MessageFailure = 'failed' | 'unanswered' | 'not-a-reply';

/** A message that failed: the handler threw, nobody answered, or the answer was not a reply. */
export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    message: string,
    readonly why: MessageFailure,
  ) {
    super(message);
  }
}

/** The longest error text sent back (an exception's message may quote the page's text). */
const MAX_ERROR_CHARS = 300;

export function isReply(x: unknown): x is Reply<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: unknown };
  return r.ok === true ? 'value' in r : r.ok === false && typeof r.error === 'string';
}

/**
 * Runs `work` and answers with its reply; returns true (the answer comes later). A failure is
 * logged here, where the stack is, and sent as a short sentence.
 */
export function answerWith<T>(label: string, work: () => Promise<T>, sendResponse: (r: Reply<T>) => void): true {
  // Started at once, inside the listener: the reader's gesture (a click on the card's "Open full
  // entry" or "Copy from the side panel") lasts only that long, and sidePanel.open needs it. A
  // handler that throws before its first await is still answered, as a rejected promise.
  let started: Promise<T>;
  try {
    started = Promise.resolve(work());
  } catch (err) {
    started = Promise.reject(err);
  }
  started.then(
    (value) => sendResponse({ ok: true, value }),
    (err: unknown) => {
      console.warn(`[Ordinance Lens] ${label} failed:`, err);
      sendResponse({ ok: false, error: `${label} failed: ${String(err)}`.slice(0, MAX_ERROR_CHARS) });
    },
  );
  return true;
}

/**
 * The value of a sent message's reply; rejects with a MessageError otherwise. `isValue`, when
 * given, checks the value too (an answer from a page's frame, which an older card could send).
 */
export async function unwrapReply<T>(label: string, sent: Promise<unknown>, isValue?: (v: unknown) => v is T): Promise<T> {
  let answer: unknown;
  try {
    answer = await sent;
  } catch (err) {
    throw new MessageError(`${label}: no answer (${String(err)})`, 'unanswered');
  }
  if (answer === undefined || answer === null) throw new MessageError(`${label}: no answer`, 'unanswered');
  if (!isReply(answer)) throw new MessageError(`${label}: the answer was not a reply`, 'not-a-reply');
  if (!answer.ok) throw new MessageError(answer.error, 'failed');
  if (isValue && !isValue(answer.value)) throw new MessageError(`${label}: not the expected answer`, 'not-a-reply');
  return answer.value as T;
}
