/**
 * Unwraps what a background listener answered (lib/reply.ts) the way `askBackground` does: the
 * value, or a thrown error carrying the handler's failure. Tests that call the listener directly
 * use it, so a handler's exception fails them instead of passing as an empty answer.
 */
import { isReply } from '../../lib/reply';

export function replyValue<T = unknown>(answer: unknown): T {
  if (answer === 'refused' || answer === undefined) return answer as T; // the listener did not take the message
  if (!isReply(answer)) throw new Error(`not a reply: ${JSON.stringify(answer)?.slice(0, 200)}`);
  if (!answer.ok) throw new Error(`the background failed: ${answer.error}`);
  return answer.value as T;
}
