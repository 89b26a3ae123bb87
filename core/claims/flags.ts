/**
 * The warnings a claim check shows beside the point it set next to a claim. Each flag says
 * something about the evidence, never about whether the claim is true:
 * - exception: the best match is an exception (the rule says the opposite except in that case);
 * - reported: the point rests only on press reports;
 * - not-in-force: the entry is proposed, tabled, failed, stayed, enjoined, reversed, rescinded …;
 * - older-text: the point describes a text that has since been amended;
 * - no-match: nothing in the pack speaks to the claim;
 * - opposite: the claim permits what the point forbids, or the reverse.
 */
import type { Entry, Point } from '../schema/pack';

export const CLAIM_FLAGS = ['exception', 'reported', 'not-in-force', 'older-text', 'no-match', 'opposite'] as const;
export type ClaimFlag = (typeof CLAIM_FLAGS)[number];

/** Statuses under which an entry's rule does not apply now. */
const NOT_IN_FORCE = new Set(['proposed', 'tabled', 'failed', 'stayed', 'enjoined', 'reversed', 'rescinded', 'superseded', 'repealed', 'expired', 'omitted', 'transferred']);
/** Kinds for which "pending" means "not adopted yet" (a pending lawsuit is not a rule at all). */
const RULE_KINDS = new Set(['ordinance', 'ordinance-section', 'amendment', 'bill', 'resolution', 'executive-order', 'regulation']);

export function notInForce(entry: Pick<Entry, 'status' | 'kind'>): boolean {
  return NOT_IN_FORCE.has(entry.status) || (entry.status === 'pending' && RULE_KINDS.has(entry.kind));
}

/** Statuses of a rule that was never adopted (a repealed or rescinded one was law once). */
const NEVER_ADOPTED = new Set(['proposed', 'tabled', 'failed']);

/** A bill, proposal or draft that never became law. */
export function neverAdopted(entry: Pick<Entry, 'status' | 'kind'>): boolean {
  return NEVER_ADOPTED.has(entry.status) || (entry.status === 'pending' && RULE_KINDS.has(entry.kind));
}

/** The shape of `entry.textVersion` where the pack has it (read defensively: older packs lack it). */
interface TextVersionLike {
  describes?: string;
  amended?: string;
}

/** The year of the text the points describe, and the year it was amended, when the entry says so. */
export function olderTextOf(entry: Entry): { describes: string; amendedYear?: number } | undefined {
  const tv = (entry as Entry & { textVersion?: TextVersionLike }).textVersion;
  if (tv && typeof tv.describes === 'string') {
    const y = tv.amended ? Number(tv.amended.slice(0, 4)) : undefined;
    return { describes: tv.describes, ...(y ? { amendedYear: y } : {}) };
  }
  // Fallback for packs without textVersion: an open question saying which text the points describe.
  for (const q of entry.openQuestions) {
    const m = /\b(?:points|summaries|section summaries)\b[^.]*?\b((?:19|20)\d{2}) text\b/i.exec(q);
    if (m) return { describes: `${m[1]} text` };
  }
  return undefined;
}

/** Does this point describe an older text than the one in force? */
export function describesOlderText(entry: Entry, point: Point): boolean {
  // Wording that places the point in the past ("the historic policy said", "officers were not to").
  if (/\b(?:historic|historically|formerly|former|previous|previously)\b|\bwere (?:not )?to\b/i.test(point.text)) return true;
  const older = olderTextOf(entry);
  if (!older) return false;
  const describedYear = Number(/\d{4}/.exec(older.describes)?.[0] ?? 0);
  // A point that names a later year (the amendment itself, "the December 11, 2025 update") is about the new text.
  const years = (point.text.match(/\b(?:19|20)\d{2}\b/g) ?? []).map(Number);
  return !years.some((y) => y > describedYear);
}
