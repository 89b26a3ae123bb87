/**
 * A large pack's entries in brief: what the search engine reads of every entry while ranking
 * (id, title, kind, jurisdiction, related) and what a list of results shows (citation, status).
 * A browser stores the briefs of all entries as columns (core/pack/columns.ts) and reads whole
 * entries only for the answers it shows: the D.C. Code's 21,163 sections are 57 MB whole and
 * about 3.5 MB in brief.
 *
 * A stub is an Entry made from the brief: ranking with stubs gives the same scores and order as
 * with whole entries (the engine reads no other field of an entry it has not chosen to show);
 * what matched in a hit's points needs the whole entry, so a caller swaps it in before showing.
 */
import type { Entry } from '../schema/pack';

export interface SlimEntry {
  id: string;
  kind: Entry['kind'];
  jurisdiction: string;
  title: string;
  citation?: string;
  status: Entry['status'];
  related: string[];
}

export function slimEntry(e: Entry): SlimEntry {
  return { id: e.id, kind: e.kind, jurisdiction: e.jurisdiction, title: e.title, ...(e.citation ? { citation: e.citation } : {}), status: e.status, related: e.related };
}

const STUBS = new WeakSet<Entry>();

/** An entry with the brief's fields and nothing else (no points, sources or summary). */
export function stubEntry(s: SlimEntry): Entry {
  const e: Entry = {
    id: s.id,
    kind: s.kind,
    jurisdiction: s.jurisdiction,
    title: s.title,
    ...(s.citation ? { citation: s.citation } : {}),
    aliases: [],
    summary: '',
    points: [],
    exceptions: [],
    dates: [],
    status: s.status,
    sources: [],
    related: s.related,
    openQuestions: [],
    keywords: [],
  };
  STUBS.add(e);
  return e;
}

/** Was `e` made by stubEntry (its text still to be read)? */
export const isStub = (e: Entry): boolean => STUBS.has(e);
