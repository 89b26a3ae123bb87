/**
 * A large pack's entries in brief, as columns: what a restarted worker reads at every start.
 * Each field is one string (with end offsets) or one typed array for all entries, so a browser
 * database hands it back in a few copies instead of a JavaScript object per entry (21,163 of
 * them for the D.C. Code: the object form took 0.1–0.4 s to read, these columns a few ms).
 * Made once, at import (`toColumns`); read one entry at a time (`slimAt`, `findId`), so the
 * start does no work per entry.
 *
 * Besides the brief (core/pack/slim.ts: id, kind, jurisdiction, title, citation, status,
 * related), the columns keep what the lookup service would otherwise compute over every entry
 * at start: the ids in sorted order (find an entry by id by binary search), the reverse links
 * inside the pack, the entries that link outside it, and the fingerprint of its ids and titles.
 */
import type { Entry } from '../schema/pack';
import type { ScanSource } from '../scan/build';
import type { SlimEntry } from './slim';
import { entriesFingerprint } from '../search/build';
import { startMonth } from '../search/stages/page-date';

export const COLUMNS_FORMAT = 'ordinance-lens-columns';

export interface PackColumns {
  format: typeof COLUMNS_FORMAT;
  count: number;
  /** Concatenated values; value i is text.slice(end[i - 1] ?? 0, end[i]). */
  ids: string;
  idEnd: Uint32Array;
  titles: string;
  titleEnd: Uint32Array;
  citations: string;
  citationEnd: Uint32Array;
  /** Each entry's related ids joined by a space (ids have none). */
  related: string;
  relatedEnd: Uint32Array;
  kindNames: string[];
  kinds: Uint8Array;
  statusNames: string[];
  statuses: Uint8Array;
  jurisdictionNames: string[];
  jurisdictions: Uint16Array;
  /** Entry numbers sorted by id. */
  idOrder: Uint32Array;
  /** Entries of this pack that list entry i as related: revData[revStart[i] … revStart[i + 1]). */
  revStart: Uint32Array;
  revData: Uint32Array;
  /** Entries with a related id outside this pack (their reverse links are made at start). */
  linksOut: Uint32Array;
  /** Month each entry began (its earliest dated fact, year × 12 + month − 1; 0 undated): stages/page-date.ts reads it from entries' dates, which a brief does not keep. */
  starts: Int32Array;
  /** runFingerprint of the entries. */
  fingerprint: string;
}

/** What a brief is made from: an entry in brief, and its dates when they are known (a whole entry). */
type Briefed = SlimEntry & { dates?: readonly { date: string }[] };


/** FNV-1a over a run of entries' ids and titles (build.ts): says whether a stored index was built from these entries. */
export const runFingerprint = entriesFingerprint;

/** One fingerprint for runs taken in order (each pack's entries), without reading the entries again. */
export const combineFingerprints = (runs: readonly string[]): string => runFingerprint(runs.map((r) => ({ id: r, title: '' })));

function concat(values: readonly string[]): [string, Uint32Array] {
  const end = new Uint32Array(values.length);
  let at = 0;
  values.forEach((v, i) => (end[i] = at += v.length));
  return [values.join(''), end];
}

/** Distinct values and each value's number among them. */
function codes(values: readonly string[]): [string[], number[]] {
  const names = [...new Set(values)];
  const at = new Map(names.map((n, i) => [n, i]));
  return [names, values.map((v) => at.get(v)!)];
}

/** The pack's entries as columns (at import). */
export function toColumns(entries: readonly Briefed[]): PackColumns {
  const n = entries.length;
  const [ids, idEnd] = concat(entries.map((e) => e.id));
  const [titles, titleEnd] = concat(entries.map((e) => e.title));
  const [citations, citationEnd] = concat(entries.map((e) => e.citation ?? ''));
  const [related, relatedEnd] = concat(entries.map((e) => e.related.join(' ')));
  const [kindNames, kinds] = codes(entries.map((e) => e.kind));
  const [statusNames, statuses] = codes(entries.map((e) => e.status));
  const [jurisdictionNames, jurisdictions] = codes(entries.map((e) => e.jurisdiction));
  const idOrder = Uint32Array.from(entries.keys()).sort((a, b) => (entries[a]!.id < entries[b]!.id ? -1 : entries[a]!.id > entries[b]!.id ? 1 : 0));
  const number = new Map(entries.map((e, i) => [e.id, i]));
  const linkers: number[][] = Array.from({ length: n }, () => []);
  const out: number[] = [];
  entries.forEach((e, i) => {
    let outside = false;
    for (const r of e.related) {
      const j = number.get(r);
      if (j === undefined) outside = true;
      else linkers[j]!.push(i);
    }
    if (outside) out.push(i);
  });
  const revStart = new Uint32Array(n + 1);
  linkers.forEach((l, i) => (revStart[i + 1] = revStart[i]! + l.length));
  return {
    format: COLUMNS_FORMAT,
    count: n,
    ids,
    idEnd,
    titles,
    titleEnd,
    citations,
    citationEnd,
    related,
    relatedEnd,
    kindNames,
    kinds: Uint8Array.from(kinds),
    statusNames,
    statuses: Uint8Array.from(statuses),
    jurisdictionNames,
    jurisdictions: Uint16Array.from(jurisdictions),
    idOrder,
    revStart,
    revData: Uint32Array.from(linkers.flat()),
    linksOut: Uint32Array.from(out),
    starts: Int32Array.from(entries, (e) => startMonth(e.dates)),
    fingerprint: runFingerprint(entries),
  };
}

/** Do the columns' parts fit together (a damaged or foreign record does not)? */
export function columnsFit(c: PackColumns | undefined): c is PackColumns {
  if (!c || c.format !== COLUMNS_FORMAT) return false;
  const n = c.count;
  const ends = (text: unknown, end: unknown) => typeof text === 'string' && end instanceof Uint32Array && end.length === n && (n === 0 || end[n - 1] === text.length);
  return (
    ends(c.ids, c.idEnd) &&
    ends(c.titles, c.titleEnd) &&
    ends(c.citations, c.citationEnd) &&
    ends(c.related, c.relatedEnd) &&
    c.kinds instanceof Uint8Array &&
    c.kinds.length === n &&
    c.statuses instanceof Uint8Array &&
    c.statuses.length === n &&
    c.jurisdictions instanceof Uint16Array &&
    c.jurisdictions.length === n &&
    c.idOrder instanceof Uint32Array &&
    c.idOrder.length === n &&
    c.revStart instanceof Uint32Array &&
    c.revStart.length === n + 1 &&
    c.revData instanceof Uint32Array &&
    c.revStart[n] === c.revData.length &&
    c.linksOut instanceof Uint32Array &&
    c.starts instanceof Int32Array &&
    c.starts.length === n &&
    typeof c.fingerprint === 'string'
  );
}

const cut = (text: string, end: Uint32Array, i: number) => text.slice(i ? end[i - 1]! : 0, end[i]!);

export const idAt = (c: PackColumns, i: number): string => cut(c.ids, c.idEnd, i);

export function relatedAt(c: PackColumns, i: number): string[] {
  const s = cut(c.related, c.relatedEnd, i);
  return s ? s.split(' ') : [];
}

/** Entry i in brief. */
export function slimAt(c: PackColumns, i: number): SlimEntry {
  const citation = cut(c.citations, c.citationEnd, i);
  return {
    id: idAt(c, i),
    kind: c.kindNames[c.kinds[i]!] as Entry['kind'],
    jurisdiction: c.jurisdictionNames[c.jurisdictions[i]!]!,
    title: cut(c.titles, c.titleEnd, i),
    ...(citation ? { citation } : {}),
    status: c.statusNames[c.statuses[i]!] as Entry['status'],
    related: relatedAt(c, i),
  };
}

/** Each entry that has a citation, as "Explain this page" scans a whole code: by its citation only. */
export function citedOnly(c: PackColumns): ScanSource[] {
  const out: ScanSource[] = [];
  for (let i = 0; i < c.count; i++) {
    const citation = cut(c.citations, c.citationEnd, i);
    if (!citation) continue;
    out.push({ id: idAt(c, i), title: '', citation, aliases: [], jurisdiction: c.jurisdictionNames[c.jurisdictions[i]!]!, kind: c.kindNames[c.kinds[i]!] as Entry['kind'], citationOnly: true });
  }
  return out;
}

/** The number of the entry with id `id`, or −1 (binary search over idOrder). */
export function findId(c: PackColumns, id: string): number {
  let lo = 0;
  let hi = c.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const i = c.idOrder[mid]!;
    const k = idAt(c, i);
    if (k < id) lo = mid + 1;
    else if (k > id) hi = mid - 1;
    else return i;
  }
  return -1;
}

/** Every id, in entry order (the import's check that ids are not reused, reading entries whole). */
export function idsOf(c: PackColumns): string[] {
  return Array.from({ length: c.count }, (_, i) => idAt(c, i));
}

/** Numbers of the entries of this pack that list entry i as related. */
export const linkersOf = (c: PackColumns, i: number): Uint32Array => c.revData.subarray(c.revStart[i]!, c.revStart[i + 1]!);
