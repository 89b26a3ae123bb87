/**
 * Checks the schema cannot express: unique ids, cross-references, real calendar dates, terms that
 * link to the law that governs them. Each problem is reported with a path into the pack JSON
 * ("entries[12].points[0].sources[0]") so an author can find it.
 */
import type { Entry, Pack } from './pack';

export interface Problem {
  /** Path into the pack JSON, e.g. `entries[12].points[0].sources[0]`. Empty for the whole file. */
  path: string;
  reason: string;
}

/** True for "2025", "2025-12" and "2025-12-11" when they name a real calendar date. */
export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || !Number.isInteger(y) || y < 1700 || y > 2200) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

function checkEntry(entry: Entry, at: string, allIds: ReadonlySet<string>, problems: Problem[]): void {
  const sourceIds = new Set<string>();
  entry.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) problems.push({ path: `${at}.sources[${i}].id`, reason: `duplicate source id "${source.id}"` });
    sourceIds.add(source.id);
    if (source.asOf && !isRealDate(source.asOf)) problems.push({ path: `${at}.sources[${i}].asOf`, reason: `not a calendar date "${source.asOf}"` });
    // An original address only makes sense for a copy, and is a different address from the copy's.
    if (source.originalUrl && !source.via) problems.push({ path: `${at}.sources[${i}].originalUrl`, reason: 'an original address needs "via" naming the copy at "url"' });
    else if (source.originalUrl && source.originalUrl === source.url) problems.push({ path: `${at}.sources[${i}].originalUrl`, reason: 'the original address is the same as the copy\'s' });
  });

  const primaryIds = new Set(entry.sources.filter((s) => s.type === 'primary').map((s) => s.id));
  // A statement marked primary must rest on at least one primary source: "official" is a claim.
  const checkRefs = (item: { sources: string[]; confidence: string }, refAt: string) => {
    item.sources.forEach((ref, j) => {
      if (!sourceIds.has(ref)) problems.push({ path: `${refAt}.sources[${j}]`, reason: `unknown source id "${ref}"` });
    });
    if (item.confidence === 'primary' && item.sources.every((ref) => sourceIds.has(ref)) && !item.sources.some((ref) => primaryIds.has(ref))) {
      problems.push({ path: `${refAt}.confidence`, reason: 'marked primary but none of its sources is a primary source (use "reported")' });
    }
  };
  entry.points.forEach((p, i) => checkRefs(p, `${at}.points[${i}]`));
  entry.exceptions.forEach((p, i) => checkRefs(p, `${at}.exceptions[${i}]`));
  entry.dates.forEach((d, i) => {
    checkRefs(d, `${at}.dates[${i}]`);
    if (!isRealDate(d.date)) problems.push({ path: `${at}.dates[${i}].date`, reason: `not a calendar date "${d.date}"` });
  });

  if (entry.textVersion && !isRealDate(entry.textVersion.amended)) {
    problems.push({ path: `${at}.textVersion.amended`, reason: `not a calendar date "${entry.textVersion.amended}"` });
  }

  entry.related.forEach((rel, i) => {
    if (rel === entry.id) problems.push({ path: `${at}.related[${i}]`, reason: 'an entry cannot relate to itself' });
    else if (!allIds.has(rel)) problems.push({ path: `${at}.related[${i}]`, reason: `unknown entry id "${rel}"` });
  });

  if (entry.kind === 'term' && !entry.related.some((rel) => allIds.has(rel))) {
    problems.push({ path: `${at}.related`, reason: 'a term must link to at least one entry that governs it' });
  }
  if (entry.kind !== 'term' && entry.kind !== 'event' && entry.points.length === 0) {
    problems.push({ path: `${at}.points`, reason: 'needs at least one point saying what it provides' });
  }
}

/**
 * Integrity problems of a schema-valid pack. `knownIds` are ids of other packs that may be
 * referenced (ids are unique across packs).
 */
export function checkIntegrity(pack: Pack, knownIds: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  if (!isRealDate(pack.asOf)) problems.push({ path: 'asOf', reason: `not a calendar date "${pack.asOf}"` });
  pack.changelog.forEach((c, i) => {
    if (!isRealDate(c.date)) problems.push({ path: `changelog[${i}].date`, reason: `not a calendar date "${c.date}"` });
  });

  const seen = new Map<string, number>();
  pack.entries.forEach((e, i) => {
    const first = seen.get(e.id);
    if (first !== undefined) problems.push({ path: `entries[${i}].id`, reason: `duplicate id "${e.id}" (also entries[${first}])` });
    else seen.set(e.id, i);
    if (knownIds.has(e.id)) problems.push({ path: `entries[${i}].id`, reason: `id "${e.id}" already exists in another pack` });
  });

  const allIds = new Set([...seen.keys(), ...knownIds]);
  pack.entries.forEach((e, i) => checkEntry(e, `entries[${i}]`, allIds, problems));
  return problems;
}
