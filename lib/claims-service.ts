/**
 * The background's answers for claim check, the pack-wide timeline and before/after: thin
 * wrappers that run the pure core over the lookup service's index and entries and return plain,
 * serializable views (with everything the UI needs to show badges, sources and memo blocks).
 */
import type { Entry } from '../core/schema/pack';
import type { SearchIndex } from '../core/search/index';
import { checkClaims, type ClaimLookups } from '../core/claims/index';
import { claimMemo, pointSource } from '../core/claims/memo';
import { buildPackTimeline, timelineFacets, type PackTimelineFilter } from '../core/timeline/pack';
import { timelineMemo } from '../core/timeline/memo';
import { beforeAfterFor, beforeAfterIds, type BeforeAfterView } from '../core/timeline/before-after';
import { shortCite } from '../core/format/citation';
import type { ClaimCheckView, ClaimEntryInfo, PackTimelineView } from '../core/view/types';
import type { ImportedPackInfo } from '../core/claims/memo';

/** A large pack (decision 0011), left out of `Corpus.entries`. */
export interface LargePackInfo {
  id: string;
  title: string;
  entries: number;
  /** Its position among the index's packs (the engine's `packs` option). */
  position: number;
}

export interface Corpus {
  index: SearchIndex;
  /** Whole entries: the bundled and small packs' (a claim check adds the large-pack entries it reads). */
  entries: readonly Entry[];
  /** The large packs, whose entries are not in `entries` (read a few at a time: lib/claims-whole.ts). */
  large: readonly LargePackInfo[];
  asOf: string;
  /** The imported pack holding `id` (undefined for a bundled entry). */
  packOf?: (id: string) => ImportedPackInfo | undefined;
}

/** Characters of text a claim check reads (a long article is cut; the view says so). */
export const MAX_CHECK_CHARS = 6000;
/** Claims a view checks (a long article is a reading task, not a claim check; the view says it stopped). */
export const MAX_CHECK_CLAIMS = 20;

export const CHECK_OPTIONS = { maxClauses: MAX_CHECK_CLAIMS };

/**
 * `lookups`: the engine's answers for `text` cut to MAX_CHECK_CHARS, if asked already (claimLookups).
 * `unread`: titles of large packs some of whose sections could not be read (left out, and said so).
 */
export function claimCheckView(c: Corpus, text: string, lookups?: ClaimLookups, unread: readonly string[] = []): ClaimCheckView {
  const cut = text.length > MAX_CHECK_CHARS;
  const res = checkClaims(c.index, c.entries, text.slice(0, MAX_CHECK_CHARS), CHECK_OPTIONS, lookups);
  const byId = new Map(c.entries.map((e) => [e.id, e]));
  const entries: Record<string, ClaimEntryInfo> = {};
  const clauses = res.clauses.map((cl) => {
    const e = cl.entry ? byId.get(cl.entry) : undefined;
    if (!e) return cl;
    const pack = c.packOf?.(e.id);
    entries[e.id] = { title: e.title, cite: shortCite({ entry: e, ...(cl.subsection ? { pinpoint: cl.subsection } : {}) }), kind: e.kind, status: e.status, ...(pack ? { pack: pack.title } : {}) };
    const source = pointSource(e, cl);
    return source ? { ...cl, source } : cl;
  });
  return {
    clauses,
    entries,
    truncated: res.truncated || cut,
    asOf: c.asOf,
    // Said in the memo too: a copied memo travels without the view's note.
    memo: withNote(
      claimMemo({ clauses: res.clauses, entries: byId, asOf: c.asOf, ...(c.packOf ? { packOf: c.packOf } : {}) }),
      unread.length ? `Left out: sections of ${unread.map((t) => `“${t}”`).join(', ')} that could not be read.` : undefined,
    ),
    ...(unread.length ? { unread: [...unread] } : {}),
  };
}

export function packTimelineView(c: Corpus, filter: PackTimelineFilter): PackTimelineView {
  const t = buildPackTimeline(c.entries, { ...filter, asOf: c.asOf });
  const facets = timelineFacets(c.entries);
  const byId = new Map(c.entries.map((e) => [e.id, e]));
  return {
    ...t,
    ...facets,
    beforeAfter: beforeAfterIds(c.entries).map((id) => ({ id, title: byId.get(id)?.title ?? id })),
    asOf: c.asOf,
    memo: withNote(
      timelineMemo(t.items, byId, c.asOf, { ...(filter.since ? { since: filter.since } : {}), ...(filter.until ? { until: filter.until } : {}) }),
      c.large.length ? `Not in this timeline: ${c.large.map((p) => `“${p.title}” (${p.entries.toLocaleString('en-US')} sections)`).join(', ')}.` : undefined,
    ),
    // Said, not hidden: a reader who imported a code must not read this as its history.
    ...(c.large.length ? { notCovered: c.large.map((p) => ({ title: p.title, entries: p.entries })) } : {}),
  };
}

/** A memo with a closing note (what it leaves out: a copied memo travels without the page's note). */
function withNote(memo: { markdown: string; plain: string }, line: string | undefined): { markdown: string; plain: string } {
  if (!line) return memo;
  return { markdown: `${memo.markdown}\n\n_${line}_`, plain: `${memo.plain}\n\n${line}` };
}

export function beforeAfterView(c: Corpus, id: string): BeforeAfterView | null {
  return beforeAfterFor(c.entries, id) ?? null;
}
