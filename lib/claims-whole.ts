/**
 * Claim check beside a large pack (a whole code in IndexedDB, decision 0011). The check scores
 * every point of the entries it is given, and a large pack's entries are stubs (no points) until
 * read; reading all 21,163 sections of the D.C. Code is out of the question. So the engine is
 * asked first (its index covers the large packs' text), the large-pack entries it names for the
 * passage or its claims are read whole (at most MAX_WHOLE_READS keyed gets, as lookupWhole reads
 * the hits it shows), and the claims are checked against the other packs' entries and those.
 * Large-pack points the engine does not answer are not found by their rare words alone: the
 * engine's answer is the gate.
 */
import type { Entry } from '../core/schema/pack';
import { isStub } from '../core/pack/slim';
import { claimLookups, namedEntryIds, type ClaimLookups } from '../core/claims/index';
import { lookup } from '../core/search/index';
import type { ClaimCheckView } from '../core/view/types';
import { CHECK_OPTIONS, MAX_CHECK_CHARS, claimCheckView, type Corpus } from './claims-service';
import { lastLoad, wholeEntriesFor } from './large-packs';
import type { LookupService } from './lookup-service';

/**
 * Large-pack entries read whole per check: a paragraph's lookup names up to 50 entries, a claim's
 * 8 (three claims: 24); each read is one keyed get, and each entry read is scored claim by claim.
 */
export const MAX_WHOLE_READS = 24;

/** Claims of a passage asked about one by one (a lookup each: 20–50 ms with the D.C. Code, in Node). */
const CLAIMS_ASKED_ALONE = 8;
/**
 * Words a claim needs to be asked about alone: a claim of a few words names a subject, not a rule,
 * and a whole code answers nearly any subject ("The mayor attended." → a section on the Mayor's
 * expenses; "Tickets sold out quickly." → the sales tax).
 */
const MIN_WORDS_ASKED = 8;

const asked = (l: ClaimLookups) => l.claims.filter((c) => c.text.split(/\s+/).length >= MIN_WORDS_ASKED).slice(0, CLAIMS_ASKED_ALONE);

/** The last entry list made, kept so a repeated check reuses its word statistics (memoized per array). */
let last: { base: readonly Entry[]; extra: readonly Entry[]; entries: readonly Entry[] } | undefined;

function withExtra(base: readonly Entry[], extra: readonly Entry[]): readonly Entry[] {
  if (!extra.length) return base;
  if (last?.base === base && last.extra.length === extra.length && last.extra.every((e, i) => e === extra[i])) return last.entries;
  last = { base, extra, entries: [...base, ...extra] };
  return last.entries;
}

/**
 * The large-pack entries to read: those the check's own lookups answer (claimLookups), then those
 * the engine answers for the whole text among the large packs alone. Only answers, never the
 * weaker candidates a lookup also lists: the check weighs words by how rare they are among the
 * entries it is given, and a few sections read into a pack of hundreds make every word of theirs
 * look rare, so an off-topic claim ("the quarterback threw three touchdowns") found a section
 * sharing "three" (a review found D.C. sections set beside four of five claims of an off-topic
 * paragraph). The engine knows each pack's own words (pack-groups.ts) and answers nothing there.
 * The check's lookups rank every pack, so a section a minor claim is about is easily crowded out
 * by the bundled packs or by the passage's main subject: the large packs alone are asked about
 * the whole text, and a passage's first claims are each asked about. Interleaved, so the cap
 * keeps each list's best.
 */
function largeNamed(service: LookupService, c: Corpus, text: string, lookups: ClaimLookups): string[] {
  const packs = c.large.map((p) => p.position);
  const answers = (t: string, limit: number, only?: number[]) => service.largeAmong(lookup(c.index, t, { limit, matched: false, ...(only ? { packs: only } : {}) }).results.map((h) => h.id)).map((e) => e.id);
  const lists = [service.largeAmong(namedEntryIds(lookups)).map((e) => e.id)];
  // A passage of more than three claims was asked about once, as a whole: its answers follow its
  // main subject, so its first claims are each asked about as a claim of three or fewer is (every
  // pack: among the large packs alone, a short claim, "The mayor attended.", finds a section).
  if (lookups.passage) for (const claim of asked(lookups)) lists.push(answers(claim.text, 3));
  lists.push(answers(text, MAX_WHOLE_READS, packs));
  const out = new Set<string>();
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest && out.size < MAX_WHOLE_READS; i++) for (const l of lists) if (i < l.length && out.size < MAX_WHOLE_READS) out.add(l[i]!);
  return [...out];
}

/**
 * Claim check over every pack, large ones included through the entries the engine answers. Never
 * throws for a failed read: those entries stay out, and the view names their packs (`unread`).
 */
export async function claimCheckWhole(service: LookupService, text: string): Promise<ClaimCheckView> {
  const c = service.corpus();
  if (!c.large.length) return claimCheckView(c, text);
  const t0 = performance.now();
  const cut = text.slice(0, MAX_CHECK_CHARS);
  const lookups = claimLookups(c.index, cut, CHECK_OPTIONS);
  const named = largeNamed(service, c, cut, lookups);
  const t1 = performance.now();
  const failed = await wholeEntriesFor(service, named);
  const extra = service.largeAmong(named).filter((e) => !isStub(e));
  const t2 = performance.now();
  const unread = c.large.filter((p) => failed.includes(p.id)).map((p) => p.title);
  const view = claimCheckView({ ...c, entries: withExtra(c.entries, extra) }, text, lookups, unread);
  // For the browser benchmark (tests/e2e/large-pack.e2e.ts): where a check's time goes.
  Object.assign(lastLoad, { checkStartMs: Math.round(t0), checkLookupsMs: Math.round(t1 - t0), checkReadMs: Math.round(t2 - t1), checkEntriesRead: named.length, checkScoreMs: Math.round(performance.now() - t2) });
  return view;
}
