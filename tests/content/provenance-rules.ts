/**
 * Provenance rules added with pack 1.1 (after an audit found a quotation no source contains and a
 * stayed court order called "reversed"). Pure functions over entries and texts, so the test can run
 * them on the real pack and on deliberately broken entries.
 *
 *   quotations     every quotation in an entry appears in the seed it cites, or else in a seed or the
 *                  research notes (which hold the official titles and defined terms we may quote);
 *   reversed       no `reversed` status, date type or wording unless a research record citing one
 *                  of the entry's sources says reversed (a stay is not a reversal);
 *   reported       a statement worded as press-only ("reportedly", "as reported") is never `primary`.
 */
import type { Entry } from '../../core/schema/pack';

/** Straight quotes and dashes, no markdown emphasis, single spaces; lower case unless `keepCase` (quotations keep it: "Immigration Status" is not "immigration status"). */
export function normText(s: string, keepCase = false): string {
  const t = s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return keepCase ? t : t.toLowerCase();
}

/**
 * What the research notes say minus their correction notes: a "(Correction …)" aside names words
 * that are in no source, so it must never vouch for them.
 */
export function withoutCorrections(notes: string): string {
  return notes.replace(/\(Correction[^)]*\)/g, ' ').replace(/[^.|]*\bdo not claim\b[^.|]*/gi, ' ');
}

/** Quoted spans ("…" or “…”) of at least two characters, normalized. */
export function quotationsIn(text: string): string[] {
  return [...text.matchAll(/["\u201c]([^"\u201c\u201d]{2,}?)["\u201d]/g)].map((m) => normText(m[1]!, true).replace(/[\s.,;:\u2026]+$/, ''));
}

export interface Seed {
  /** Source addresses that are this seed (the page it was saved from). */
  urls: string[];
  text: string;
}

export interface QuotationContext {
  seeds: Seed[];
  /** Research notes (facts snapshot and the 1.1 notes), used as the list of quotable titles and terms. */
  notes: string;
}

const normUrl = (u: string) => u.replace(/^https?:\/\/(www\d?\.|new-origin\.)?/, '').replace(/[?#].*$/, '').replace(/\/+$/, '');

/** Quotations in an entry that neither its cited seed nor (when it cites none) any seed or the notes contain. */
const prepared = new WeakMap<QuotationContext, { notes: string; seedTexts: string[] }>();
function prepare(ctx: QuotationContext) {
  let p = prepared.get(ctx);
  if (!p) prepared.set(ctx, (p = { notes: normText(withoutCorrections(ctx.notes), true), seedTexts: ctx.seeds.map((s) => normText(s.text, true)) }));
  return p;
}

export function unsupportedQuotations(entry: Entry, ctx: QuotationContext): string[] {
  const { notes, seedTexts } = prepare(ctx);
  const seedOf = (sourceId: string) => {
    const url = entry.sources.find((s) => s.id === sourceId)?.url;
    return url === undefined ? -1 : ctx.seeds.findIndex((s) => s.urls.some((u) => normUrl(u) === normUrl(url)));
  };
  const fields: { at: string; text: string; sources?: string[] }[] = [
    { at: 'summary', text: entry.summary },
    ...entry.points.map((p, i) => ({ at: `points[${i}]`, text: p.text, sources: p.sources })),
    ...entry.exceptions.map((p, i) => ({ at: `exceptions[${i}]`, text: p.text, sources: p.sources })),
    ...entry.dates.map((d, i) => ({ at: `dates[${i}]`, text: d.what, sources: d.sources })),
    ...entry.openQuestions.map((q, i) => ({ at: `openQuestions[${i}]`, text: q })),
  ];
  const bad: string[] = [];
  for (const f of fields) {
    const cited = (f.sources ?? []).map(seedOf).filter((i) => i >= 0);
    for (const q of quotationsIn(f.text)) {
      // A statement resting on a seed may only quote that seed; anything else may quote what a
      // seed or the research notes (official titles, defined terms) contain.
      const ok = cited.length ? cited.some((i) => seedTexts[i]!.includes(q)) : seedTexts.some((t) => t.includes(q)) || notes.includes(q);
      if (!ok) bad.push(`${entry.id} ${f.at}: "${q}"`);
    }
  }
  return bad;
}

/** "reversed"/"reversal" that is not negated ("not reversed", "did not reverse it"). */
export function saysReversed(text: string): boolean {
  const t = normText(text);
  return [...t.matchAll(/\brevers(?:ed|al|es|e)\b/g)].some((m) => !/\b(?:not|never|n't|no)\b(?:\s+\S+){0,2}\s*$/.test(t.slice(Math.max(0, m.index! - 24), m.index)));
}

/**
 * An entry that calls something reversed (status, date type or words) without a research record
 * that says reversed (corrections aside) and cites one of the entry's source addresses.
 */
export function unsupportedReversals(entry: Entry, records: readonly string[]): string[] {
  const claims: string[] = [];
  if (entry.status === 'reversed') claims.push('status');
  entry.dates.forEach((d, i) => {
    if (d.type === 'reversed' || saysReversed(d.what)) claims.push(`dates[${i}]`);
  });
  if (saysReversed(entry.summary)) claims.push('summary');
  entry.points.forEach((p, i) => saysReversed(p.text) && claims.push(`points[${i}]`));
  entry.exceptions.forEach((p, i) => saysReversed(p.text) && claims.push(`exceptions[${i}]`));
  if (!claims.length) return [];
  const urls = entry.sources.map((s) => normUrl(s.url));
  const backed = records.some((r) => saysReversed(withoutCorrections(r)) && (r.match(/https?:\/\/[^\s)|;,]+/g) ?? []).some((u) => urls.includes(normUrl(u))));
  return backed ? [] : claims.map((c) => `${entry.id} ${c}`);
}

const PRESS_WORDING = /\b(reportedly|as reported|press reports?|news reports?|was reported|were reported|according to (?:a |the )?(?:report|press))\b/i;

/** Statements worded as known only from the press but marked `primary` (Official). */
export function primaryPressWording(entry: Entry): string[] {
  const items = [
    ...entry.points.map((p, i) => [`points[${i}]`, p.text, p.confidence] as const),
    ...entry.exceptions.map((p, i) => [`exceptions[${i}]`, p.text, p.confidence] as const),
    ...entry.dates.map((d, i) => [`dates[${i}]`, d.what, d.confidence] as const),
  ];
  return items.filter(([, text, c]) => c === 'primary' && PRESS_WORDING.test(text)).map(([at]) => `${entry.id} ${at}`);
}
