/**
 * Before and after: for an entry amended within the pack (Chapter 19 and its December 2025
 * update; the MPD policy and its January 2025 update), the earlier rule beside the later one,
 * provision by provision, marked:
 * - added: the later text has it and nothing earlier speaks to it (as its sources say);
 * - removed: a source says the later text took it out;
 * - kept: a source says it stays ("the exception stays", "does not change the basic rule");
 * - compare: both texts speak to the same subject; how the wording changed is not known;
 * - stated: the later text says this (as its sources report); whether it is new is not known;
 * - unknown: the later text of this provision was not available, so whether it changed is not
 *   known. Never shown as "unchanged": no source says so.
 */
import type { Confidence, Entry, Point } from '../schema/pack';
import { describesOlderText } from '../claims/flags';
import { claimTerms } from '../claims/terms';
import { idf, termStats, type TermStats } from '../claims/term-stats';
import { compareIsoDates } from './index';

export type ChangeKind = 'added' | 'removed' | 'kept' | 'compare' | 'stated' | 'unknown';

export interface Provision {
  entryId: string;
  /** The entry's short name for the column ("§ 19.30", "MPD policy"). */
  entryTitle: string;
  citation?: string;
  match: 'point' | 'exception';
  index: number;
  text: string;
  subsection?: string;
  confidence: Confidence;
}

export interface ChangeRow {
  change: ChangeKind;
  before?: Provision;
  after?: Provision;
}

export interface BeforeAfterView {
  id: string;
  title: string;
  /** "2003 text", "Before the January 16, 2025 update". */
  beforeLabel: string;
  /** "December 11, 2025 update". */
  afterLabel: string;
  /** When the later text took over (YYYY-MM-DD or partial), when the pack knows. */
  changedOn?: string;
  /** Whether the pack has the later text itself (false: rows can only be added, kept, compare or unknown). */
  afterTextAvailable: boolean;
  /** The amendment entry, when the later rule is an entry of its own. */
  afterEntryId?: string;
  rows: ChangeRow[];
}

const RULE_KINDS = new Set(['ordinance', 'ordinance-section', 'amendment', 'executive-order', 'police-policy', 'statute', 'regulation', 'resolution']);
/** Points about how a change was made (the vote, who drafted it), not what it provides. */
const PROCESS = /\b(?:vote|voted|drafted|unanimous|sponsored|authored)\b/i;
const KEPT = /\b(?:stays|stay|kept|keeps|remains|remain|does not change|unchanged|still)\b/i;
const REMOVED = /\b(?:removed|repealed|deleted|struck|no longer)\b/i;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (!m) return y!;
  return d ? `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}` : `${MONTHS[Number(m) - 1]} ${y}`;
}

interface TextVersionLike {
  describes?: string;
  amended?: string;
  amendedTextAvailable?: boolean;
}
const tvOf = (e: Entry) => (e as Entry & { textVersion?: TextVersionLike }).textVersion;

function provisions(e: Entry, keep: (p: Point) => boolean = () => true): Provision[] {
  const short = e.citation?.match(/§\s*[\d.]+/)?.[0] ?? e.title;
  const out: Provision[] = [];
  const add = (match: Provision['match'], p: Point, index: number) => {
    if (!keep(p)) return;
    out.push({ entryId: e.id, entryTitle: short, ...(e.citation ? { citation: e.citation } : {}), match, index, text: p.text, ...(p.subsection ? { subsection: p.subsection } : {}), confidence: p.confidence });
  };
  e.points.forEach((p, i) => add('point', p, i));
  e.exceptions.forEach((p, i) => add('exception', p, i));
  return out;
}

function similarity(stats: TermStats, a: string, b: string): number {
  const wa = new Map(claimTerms(a).terms.map((t) => [t, idf(stats, t)]));
  const tb = claimTerms(b).terms;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const w of wa.values()) na += w * w;
  for (const t of tb) {
    const w = idf(stats, t);
    nb += w * w;
    const x = wa.get(t);
    if (x !== undefined) dot += x * w;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * The amendment entry that changed `e`, if the pack has one: an amendment and the entry must
 * name each other as related (an amendment also lists entries it only touches on, such as the
 * police policy beside the ordinance, and those name it back only when it amended them).
 */
function amendmentOf(entries: readonly Entry[], e: Entry): Entry | undefined {
  return entries.find((a) => a.kind === 'amendment' && a.id !== e.id && a.related.includes(e.id) && e.related.includes(a.id));
}

/** The last "amended" date of an entry's history. */
function lastAmended(e: Entry): string | undefined {
  return e.dates
    .filter((d) => d.type === 'amended')
    .map((d) => d.date)
    .sort(compareIsoDates)
    .pop();
}

export function beforeAfterFor(entries: readonly Entry[], id: string): BeforeAfterView | undefined {
  const byId = new Map(entries.map((e) => [e.id, e]));
  let base = byId.get(id);
  if (!base || !RULE_KINDS.has(base.kind)) return undefined;
  let amendment: Entry | undefined;
  if (base.kind === 'amendment') {
    amendment = base;
    base = base.related.map((r) => byId.get(r)).find((r) => r && (r.kind === 'ordinance' || r.kind === 'police-policy' || r.kind === 'executive-order'));
    if (!base) return undefined;
  } else amendment = amendmentOf(entries, base);
  const tv = tvOf(base);
  const changedOn = tv?.amended ?? amendment?.dates.find((d) => d.type === 'adopted')?.date ?? lastAmended(base);
  if (!amendment && !changedOn) return undefined;
  const stats = termStats(entries);

  // The earlier rule: the sections' provisions for a chapter that has section entries, else the
  // entry's own provisions that describe the older text.
  let before: Provision[];
  const sections = base.kind === 'ordinance' ? base.related.map((r) => byId.get(r)).filter((s): s is Entry => !!s && s.kind === 'ordinance-section') : [];
  if (sections.length) before = sections.flatMap((s) => provisions(s));
  else before = provisions(base, (p) => describesOlderText(base!, p));

  // The later rule: the amendment's provisions, else the entry's points about the update.
  const year = changedOn?.slice(0, 4);
  const after = amendment
    ? provisions(amendment, (p) => !PROCESS.test(p.text))
    : provisions(base, (p) => !describesOlderText(base!, p) && !!year && p.text.includes(year) && /\b(?:update|updated|amend\w*|revis\w*)\b/i.test(p.text));
  // Without an earlier rule there is nothing to set the later one beside.
  if (!before.length || (!amendment && !after.length)) return undefined;
  const afterTextAvailable = tv?.amendedTextAvailable ?? false;

  // Pair each later provision with the earlier one it speaks to: best pairs first, each used once.
  // "The exception stays" speaks to an exception.
  const pairs: { a: Provision; b: Provision; sim: number }[] = [];
  for (const a of after) {
    const exceptionOnly = /\bexception\b/i.test(a.text);
    // A general statement ("the update does not change the basic rule") is not pinned to one provision.
    if (KEPT.test(a.text) && !exceptionOnly) continue;
    for (const b of before) {
      if (exceptionOnly && b.match !== 'exception') continue;
      pairs.push({ a, b, sim: similarity(stats, a.text, b.text) });
    }
  }
  pairs.sort((x, y) => y.sim - x.sim);
  const paired = new Map<Provision, ChangeRow>();
  const usedAfter = new Set<Provision>();
  for (const { a, b, sim } of pairs) {
    if (paired.has(b) || usedAfter.has(a)) continue;
    const kept = KEPT.test(a.text);
    const removed = REMOVED.test(a.text);
    if (sim < (kept || removed ? 0.1 : 0.3)) continue;
    paired.set(b, { change: removed ? 'removed' : kept ? 'kept' : 'compare', before: b, after: a });
    usedAfter.add(a);
  }
  const rows: ChangeRow[] = [];
  // An amendment's provisions are what it added; an update described inside the entry only "states" them.
  const added: ChangeRow[] = after
    .filter((a) => !usedAfter.has(a))
    .map((a) => ({ change: KEPT.test(a.text) ? 'kept' : amendment || /\b(?:add|adds|added|new)\b/i.test(a.text) ? 'added' : 'stated', after: a }));
  for (const b of before) rows.push(paired.get(b) ?? { change: afterTextAvailable ? 'removed' : 'unknown', before: b });
  rows.push(...added);
  const afterLabel = amendment ? amendment.title : changedOn ? `The ${longDate(changedOn)} update` : 'The update';
  return {
    id: base.id,
    title: base.title,
    beforeLabel: tv?.describes ? `${tv.describes[0]!.toUpperCase()}${tv.describes.slice(1)}` : changedOn ? `Before ${longDate(changedOn)}` : 'Earlier text',
    afterLabel,
    ...(changedOn ? { changedOn } : {}),
    afterTextAvailable,
    ...(amendment ? { afterEntryId: amendment.id } : {}),
    rows,
  };
}

/** Entries for which a before/after view exists (for "Before and after" links). */
export function beforeAfterIds(entries: readonly Entry[]): string[] {
  return entries.filter((e) => e.kind !== 'amendment' && beforeAfterFor(entries, e.id)).map((e) => e.id);
}
