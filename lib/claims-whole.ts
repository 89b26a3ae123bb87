/**
 * Claim check beside a large pack (a whole code in IndexedDB, decision 0011). The check scores
 * every point of the entries it is given, and a large pack's entries are stubs (no points) until
 * read; reading all 21,163 sections of the D.C. Code is out of the question. So the engine is
 * asked first (its index covers the large packs' text), the large-pack entries it names for the
 * passage or its claims are read whole (at most MAX_WHOLE_READS keyed gets, as lookupWhole reads
 * the hits it shows), and the claims are checked against the other packs' entries and those.
 * Large-pack points the engine does not name are not found by their rare words alone: the
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

/** The last entry list made, kept so a repeated check reuses its word statistics (memoized per array). */
let last: { base: readonly Entry[]; extra: readonly Entry[]; entries: readonly Entry[] } | undefined;

function withExtra(base: readonly Entry[], extra: readonly Entry[]): readonly Entry[] {
  if (!extra.length) return base;
  if (last?.base === base && last.extra.length === extra.length && last.extra.every((e, i) => e === extra[i])) return last.entries;
  last = { base, extra, entries: [...base, ...extra] };
  return last.entries;
}

/**
 * The large-pack entries to read: those the check's own lookups name (claimLookups), then those
 * the engine names for the whole text among the large packs alone. The check's lookups rank every
 * pack and keep 8 answers (a paragraph's, all its claims'), so a section a minor claim is about
 * is easily crowded out by the bundled packs or by the passage's main subject; asked among the
 * large packs alone, one lookup (20–50 ms for the D.C. Code in Node) names the sections of each
 * claim. Interleaved, so the cap keeps the best of both.
 */
function largeNamed(service: LookupService, c: Corpus, text: string, lookups: ClaimLookups): string[] {
  const found = lookup(c.index, text, { limit: MAX_WHOLE_READS, packs: c.large.map((p) => p.position) });
  const own = service.largeAmong(namedEntryIds(lookups)).map((e) => e.id);
  const alone = service.largeAmong([...found.results, ...found.others].map((h) => h.id)).map((e) => e.id);
  const out = new Set<string>();
  for (let i = 0; i < Math.max(own.length, alone.length) && out.size < MAX_WHOLE_READS; i++) {
    if (i < own.length) out.add(own[i]!);
    if (i < alone.length && out.size < MAX_WHOLE_READS) out.add(alone[i]!);
  }
  return [...out];
}

/** Claim check over every pack, large ones included through the entries the engine names. Never throws for a failed read (those entries stay out). */
export async function claimCheckWhole(service: LookupService, text: string): Promise<ClaimCheckView> {
  const c = service.corpus();
  if (!c.large.length) return claimCheckView(c, text);
  const t0 = performance.now();
  const cut = text.slice(0, MAX_CHECK_CHARS);
  const lookups = claimLookups(c.index, cut, CHECK_OPTIONS);
  const named = largeNamed(service, c, cut, lookups);
  const t1 = performance.now();
  await wholeEntriesFor(service, named);
  const extra = service.largeAmong(named).filter((e) => !isStub(e));
  const t2 = performance.now();
  const view = claimCheckView({ ...c, entries: withExtra(c.entries, extra) }, text, lookups);
  // For the browser benchmark (tests/e2e/large-pack.e2e.ts): where a check's time goes.
  Object.assign(lastLoad, { checkStartMs: Math.round(t0), checkLookupsMs: Math.round(t1 - t0), checkReadMs: Math.round(t2 - t1), checkEntriesRead: named.length, checkScoreMs: Math.round(performance.now() - t2) });
  return view;
}
