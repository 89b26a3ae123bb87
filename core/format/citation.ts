/**
 * Citation styles for "copy citation", one function for all surfaces (card, popup, side panel).
 *
 *   short     Minneapolis, Minn., Code of Ordinances § 19.30(a)(3)
 *   memo      Minneapolis, Minn., Code of Ordinances § 19.30(a)(3) (Public safety services) (current as of Feb. 13, 2026), https://…
 *   markdown  [Minneapolis, Minn., Code of Ordinances § 19.30(a)(3)](https://…) (Public safety services)
 *   plain     <summary> (Minneapolis, Minn., Code of Ordinances § 19.30(a)(3), current as of Feb. 13, 2026)
 *
 * An entry whose points describe an older text (`textVersion`) says so in the memo and plain
 * styles, before the as-of date: "(2003 text; amended Dec. 11, 2025; amended text not available)",
 * so a memo never presents superseded wording as current.
 *
 * A pinpoint ("(a)(3)") is appended when the reader's selection or query named a subsection;
 * entries without an official citation are cited by title and jurisdiction.
 */
import type { Entry } from '../schema/pack';
import { formatCiteDate } from './dates';
import { textVersionNote } from './text-version';

export { formatCiteDate };

/**
 * The one list of citation styles: settings validate against it, the pickers show it, and
 * `formatCitation` must handle each (its switch is exhaustive over the names).
 */
export const CITATION_STYLES = [
  { id: 'short', label: 'Short cite' },
  { id: 'memo', label: 'Memo line' },
  { id: 'markdown', label: 'Markdown' },
  { id: 'plain', label: 'Plain text' },
] as const;

export type CitationStyleName = (typeof CITATION_STYLES)[number]['id'];

/** The style names as a non-empty tuple (what a schema enum takes). */
export const CITATION_STYLE_NAMES = CITATION_STYLES.map((s) => s.id) as [CitationStyleName, ...CitationStyleName[]];

export interface CiteInput {
  entry: Pick<Entry, 'title' | 'citation' | 'jurisdiction' | 'summary' | 'sources'> & Partial<Pick<Entry, 'textVersion'>>;
  /** The pack's "current as of" date, YYYY-MM-DD (or YYYY / YYYY-MM). */
  asOf: string;
  /** Subsection to pinpoint, "(a)(3)"; ignored unless it is a parenthesized subsection chain. */
  pinpoint?: string;
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-02-13" → "February 13, 2026", for reading rather than citing. */
export function formatLongDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? LONG_MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}

const PINPOINT = /^(\([a-z0-9]{1,4}\))+$/i;

/** A usable pinpoint, normalized ("(a)(3)"), or undefined. */
export function cleanPinpoint(pin: string | undefined): string | undefined {
  if (!pin) return undefined;
  const p = pin.replace(/\s+/g, '');
  return PINPOINT.test(p) ? p : undefined;
}

/** The cite itself: the entry's citation with the pinpoint, or "Title (Jurisdiction)". */
export function shortCite({ entry, pinpoint }: Pick<CiteInput, 'entry' | 'pinpoint'>): string {
  const pin = cleanPinpoint(pinpoint);
  if (entry.citation) {
    // Pinpoints attach to a section cite ("§ 19.30(a)(3)"), not to a chapter or a case name.
    const endsInSection = /§\s*[\d.]+[a-z]?$/i.test(entry.citation) || /\d$/.test(entry.citation);
    return pin && endsInSection && !entry.citation.endsWith(pin) ? `${entry.citation}${pin}` : entry.citation;
  }
  return `${entry.title} (${entry.jurisdiction})`;
}

/**
 * The source a citation links to: the first official source, else the first source; for a copy
 * whose original address is known, the original (what a reporter should cite).
 */
export function citeUrl(entry: CiteInput['entry']): string | undefined {
  const s = entry.sources.find((x) => x.type === 'primary') ?? entry.sources[0];
  return s?.originalUrl ?? s?.url;
}

function titleAside(input: CiteInput): string {
  return input.entry.citation ? ` (${input.entry.title})` : '';
}

export function formatCitation(style: CitationStyleName, input: CiteInput): string {
  const cite = shortCite(input);
  const url = citeUrl(input.entry);
  const asOf = formatCiteDate(input.asOf);
  const version = textVersionNote(input.entry.textVersion);
  switch (style) {
    case 'short':
      return cite;
    case 'memo':
      return `${cite}${titleAside(input)}${version ? ` (${version})` : ''} (current as of ${asOf})${url ? `, ${url}` : ''}`;
    case 'markdown': {
      const label = cite.replace(/([\\[\]])/g, '\\$1');
      return `${url ? `[${label}](${url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : label}${titleAside(input)}`;
    }
    case 'plain':
      return `${input.entry.summary.trim()} (${cite}${version ? `, ${version}` : ''}, current as of ${asOf})`;
  }
}
