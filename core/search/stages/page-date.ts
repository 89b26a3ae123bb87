/**
 * Part of stage 6, page context: when the page was written, read from its address
 * ("/story/2025/01/17/…", "/2017/03/…", "FR-2025-05-02"), and when each entry began (its earliest
 * dated fact). A page written in March 2017 cannot be about an order signed in 2025: entries that
 * began after the page weigh less (RANKING.context.laterThanPage). Only the address is read: a
 * page's text names past and future dates alike.
 */
import type { SearchIndex } from '../build';
import type { PageContext } from '../types';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month as one number (year × 12 + month − 1), so "later than" is a comparison. */
const monthNumber = (year: number, month: number) => year * 12 + month - 1;

/**
 * The page's month from its address path: a year and month as folders ("/2025/01/",
 * "/2025/december/") or a whole date ("FR-2025-05-02"). A year alone ("…-since-2024-…") or a
 * numbered order ("executive-order-2025-01") is not a date of writing.
 */
export function pageMonth(ctx: PageContext | undefined): number | undefined {
  const url = ctx?.url;
  if (typeof url !== 'string' || !url) return undefined;
  // The path only: a query or fragment ("?from=2017-01-01", "#2017-02-10") is a reader's filter, not the page's date.
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/s, '').toLowerCase();
  const m = /\/((?:19|20)\d\d)\/(0[1-9]|1[0-2]|january|february|march|april|may|june|july|august|september|october|november|december)(?:[/_]|$)/.exec(path) ?? /(?:^|[^\d])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)/.exec(path);
  if (!m) return undefined;
  const month = /^\d/.test(m[2]!) ? Number(m[2]) : MONTH_NAMES.indexOf(m[2]!) + 1;
  return monthNumber(Number(m[1]), month);
}

/** The month of an entry's earliest dated fact (0 when undated: an undated entry is never weighed down). */
export function startMonth(dates: readonly { date: string }[] | undefined): number {
  let first = 0;
  for (const d of dates ?? []) {
    // "2025" alone: the earliest it can be is January.
    const n = monthNumber(Number(d.date.slice(0, 4)), d.date.length >= 7 ? Number(d.date.slice(5, 7)) : 1);
    if (!first || n < first) first = n;
  }
  return first;
}

/** Per entry, the month it began (startMonth). */
export function entryStarts(index: SearchIndex): Int32Array {
  return (index.cache.starts ??= Int32Array.from(index.entries, (e) => startMonth(e.dates)));
}
