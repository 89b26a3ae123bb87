/**
 * Reads what a sentence says is allowed: "police may ask about status" permits, "officers may
 * not ask" and "the ordinance prohibits asking" forbid, "may ask only when a law requires it" is
 * a limited permission, "nothing in this chapter shall prohibit …" permits (a double negation).
 * Sentences that describe rather than rule ("the Council voted 13-0") are neutral.
 *
 * This is a reading of wording, not of law: it decides which side of a rule a claim sits on so
 * the card can set it beside the rule and say "this says the opposite". It never judges truth.
 */
import { norm } from '../text/normalize';

export type Polarity = 'permit' | 'forbid' | 'limited' | 'require' | 'neutral';

export interface Modality {
  polarity: Polarity;
  /**
   * The reading rests on a rule word (may, may not, cannot, prohibited, barred, allowed to, is
   * lawful …), not on a reporting verb ("authorizes a settlement", "refused a request"): only
   * such readings are set against each other as opposites.
   */
  deontic: boolean;
  /** The claim carves out a case ("except", "unless", "other than"). */
  qualified: boolean;
  /** The words that decided the reading, for tests and the UI's "why". */
  cue?: string;
  /**
   * The text permits by saying a rule does not reach a case ("nothing … stops", "does not prevent
   * … from"): an exception in substance, even when a pack lists it among the points.
   */
  carveOut?: boolean;
}

// Double negations read as permission: "nothing … shall prohibit", "does not stop … from", "not unlawful".
const DOUBLE_NEGATIVE =
  /\bnothing\b[^.;]{0,80}?\b(?:prohibits?|prevents?|stops?|bars?|restricts?|forbids?)\b|\b(?:not|n't|never)\s+(?:\w+\s+){0,2}?(?:prohibit|prevent|stop|bar|forbid|preclude)\b[^.;]{0,60}?\bfrom\b|\bnot\s+(?:unlawful|illegal|prohibited|barred|forbidden)\b|\bremains?\s+(?:allowed|permitted|lawful|legal)\b|\b(?:bar|ban|prohibition|rule|restriction)\b[^.;]{0,80}?\bdoes not apply\b/;

/**
 * A bar on bars reads as permission, as a right the rule protects rather than a case it leaves
 * out (not a carve-out): "§ 1373 bars governments from prohibiting or restricting their officials
 * from sharing …", "no entity may prohibit or restrict another from sending …", "federal law bars
 * rules that forbid sharing".
 */
const BAR_ON_BARS =
  /\b(?:bars?|barred|prohibits?|prohibited|forbids?|forbidden|prevents?|preempts?)\b[^.;]{0,60}?\bfrom\s+(?:prohibiting|restricting|barring|forbidding|preventing|limiting)\b|\bno\b[^.;]{0,80}?\b(?:may|shall|can)\s+(?:prohibit|restrict|bar|forbid|prevent|limit)\b|\b(?:bars?|prohibits?|forbids?|preempts?)\s+(?:\w+\s+){0,2}?(?:rules?|laws?|policies|ordinances?)\s+(?:that\s+)?(?:restrict|prohibit|forbid|bar|limit)\w*/;

// "only" with a permission, or "only when/where/if/in": a permission limited to a case.
const LIMITED = /\bonly\s+(?:allows?|permits?|authori[sz]es?|lets?)\b|\b(?:may|can|allowed to|permitted to)\b(?!\s+not)[^.;]{0,80}?\bonly\s+(?:when|where|if|in|for|to|as)\b|\bonly\s+(?:when|where|if)\b[^.;]{0,80}?\b(?:may|can|allowed|permitted)\b/;

const FORBID =
  /\b(?:may|must|shall|should|will|can|could|would|do|does|did|is|are|was|were)\s+not\b|\b(?:cannot|can't|won't|don't|doesn't|didn't|mustn't|shouldn't|isn't|aren't)\b|\bnever\b|\bno longer\b|\bnot\s+(?:allowed|permitted|authori[sz]ed|to)\b|\b(?:prohibit|prohibits|prohibited|prohibiting|bar|bars|barred|barring|ban|bans|banned|banning|forbid|forbids|forbidden|forbidding|refuse|refuses|refused|refusing|precludes?|off-limits|outlaws?)\b|\bprevents?\b[^.;]{0,60}?\bfrom\b|\bkeeps?\b[^.;]{0,40}?\bout of\b|\bno\s+(?:\w+\s+){0,3}?(?:may|shall|can|will)\b|\b(?:may|shall|can|will)\s+neither\b|\bneither\b[^.;]{0,60}?\bnor\b[^.;]{0,40}?\b(?:authori[sz]es?|allows?|permits?|lets?)\b/;

const PERMIT =
  /\b(?:may|can)\b(?!\s+not)|\b(?:allowed|permitted|authori[sz]ed|lawful|legal)\s+to\b|\b(?:allows?|(?<!\b(?:a|the|without|no|any)\s)permits?|authori[sz]es?|lets?)\b|\bis\s+(?:lawful|legal|allowed|permitted)\b|\bfree\s+to\b|\bstill\b/;

const REQUIRE = /\b(?:must|shall|has to|have to|required to|requires?|mandates?|obliged to|directs?)\b/;

const DEONTIC =
  /^(?:may|can|must|shall|cannot|can't|may not|must not|shall not|can not|will not|won't|not allowed|not permitted|not authori[sz]ed|not to|allowed to|permitted to|authori[sz]ed to|lawful to|legal to|is lawful|is legal|is allowed|is permitted|prohibit\w*|bar|bars|barred|barring|forbid\w*|ban|bans|banned|off-limits|free to|still)$/;

/**
 * A question asks what is allowed; it does not say ("Can police ask about status?", "asked
 * whether a county can lawfully hold people on detainers"): its reading is kept, but it is not
 * set against a rule as its opposite. "whether or not" is not a question.
 */
function asks(t: string, cueAt: number): boolean {
  return /\?\s*["”’)]*\s*$/.test(t) || /\bwhether\b(?!\s+or\s+not)/.test(t.slice(0, cueAt));
}

const QUALIFIER = /\b(?:except|unless|other than|save for|excluding)\b/;

/** The text as the patterns read it. */
function readable(text: string): string {
  return norm(text).replace(/[’‘]/g, "'");
}

/**
 * readModality(text).carveOut, with the one pattern that decides it: the claim check asks it of
 * every candidate down to the near-ties, most of which it never reads further.
 */
export function carvesOut(text: string): boolean {
  return DOUBLE_NEGATIVE.test(readable(text));
}

/** The modality of one clause (see the module comment). */
export function readModality(text: string): Modality {
  const t = readable(text);
  const qualified = QUALIFIER.test(t);
  const pick = (polarity: Polarity, m: RegExpExecArray, deontic?: boolean): Modality => {
    const cue = m[0].trim().replace(/\s+/g, ' ');
    return { polarity, qualified, deontic: (deontic ?? DEONTIC.test(cue)) && !asks(t, m.index), cue };
  };
  let m: RegExpExecArray | null;
  if ((m = DOUBLE_NEGATIVE.exec(t))) return { ...pick('permit', m, true), carveOut: true };
  if ((m = BAR_ON_BARS.exec(t))) return pick('permit', m, true);
  if ((m = LIMITED.exec(t))) return pick('limited', m, true);
  // Otherwise the first cue in the sentence governs it: "residents may record video as long as
  // they do not interfere" permits; "officers may not ask" forbids.
  let first: { polarity: Polarity; m: RegExpExecArray } | undefined;
  for (const [polarity, re] of [['forbid', FORBID], ['require', REQUIRE], ['permit', PERMIT]] as const) {
    const found = re.exec(t);
    if (found && (!first || found.index < first.m.index)) first = { polarity, m: found };
  }
  if (!first) return { polarity: 'neutral', qualified, deontic: false };
  if (first.polarity === 'forbid') {
    // "does not / is not …" describe what someone does; they state a rule only with a rule word.
    const aux = /^(?:do|does|did|is|are|was|were|don't|doesn't|didn't|isn't|aren't)\b/.test(first.m[0].trim());
    return pick('forbid', first.m, aux ? false : undefined);
  }
  return pick(first.polarity, first.m);
}

/** True when one text permits what the other forbids (limited, required and neutral readings never clash). */
export function opposes(a: Polarity, b: Polarity): boolean {
  return (a === 'permit' && b === 'forbid') || (a === 'forbid' && b === 'permit');
}
