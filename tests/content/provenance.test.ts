/**
 * Provenance audit: every checkable number in the bundled pack must come from the research notes
 * it was written from (content/minneapolis/research/minneapolis-facts.md, a dated snapshot of the
 * shared facts file). "Checkable" means the tokens a reader would copy into a memo and that are
 * easy to invent or mistype: ordinance numbers, section numbers, executive-order numbers, vote
 * tallies, dollar amounts, bill numbers, form numbers, phone numbers, reporter citations and dates.
 *
 * Both sides are lightly normalized (dashes, §, spaces, "U.S.C."/"C.F.R."/"H.F."/"Ch." spellings,
 * dates to YYYY-MM-DD); URLs are removed from the facts text first, so a number that happens to
 * sit in a link never counts as a fact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../support/bundled';
import type { Entry } from '../../core/schema/pack';
import { primaryPressWording, saysReversed, unsupportedQuotations, unsupportedReversals, type Seed } from './provenance-rules';

const FACTS_PATH = resolve(__dirname, '../../content/minneapolis/research/minneapolis-facts.md');
// Pack 1.1's additions and later events were researched after the shared facts file was written;
// their notes, in the same format, are checked exactly like the facts snapshot.
const ADDITIONS_PATH = resolve(__dirname, '../../content/minneapolis/research/pack-1.1-research.md');
// The 1.1 corrections re-read some sources and replaced a wrong link; their notes are checked the same way.
const CORRECTIONS_PATH = resolve(__dirname, '../../content/minneapolis/research/pack-1.1-corrections.md');
const factsRaw = [FACTS_PATH, ADDITIONS_PATH, CORRECTIONS_PATH].map((p) => readFileSync(p, 'utf8')).join('\n');

const packs = bundledPacks();
const entries = packs.flatMap((p) => p.entries);

/**
 * Tokens that legitimately do not appear in the facts file, with the reason. Keep this short:
 * anything added here is a number the research notes cannot vouch for.
 */
const ALLOW: Record<string, string> = {
  // "<entry id>: <token>" → reason. Empty: every token of the pack is in the facts file.
};

/**
 * Full dates stated in a facts record that does not itself cite the date's source, with the reason.
 */
const DATE_SOURCE_ALLOW: Record<string, string> = {
  // The facts give Sept. 30, 1996 (Pub. L. 104-208) in the § 1357(g) record; the § 1373 record says
  // "same 1996 law" and cites another page of the same Statutes at Large volume.
  'usc-8-1373: 1996-09-30': 'enactment date of Pub. L. 104-208, stated once in the facts file',
};

// ---------------------------------------------------------------------------------------------
// Normalization

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_RE =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept(?:ember|\\.)?|Sep\\.?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const monthNumber = (name: string): number => MONTHS[name.toLowerCase().replace('.', '').slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)]!;
const pad = (n: number | string) => String(n).padStart(2, '0');
const fullYear = (y: string) => (y.length === 2 ? `20${y}` : y);

/** Dashes to "-", non-breaking spaces to spaces, "§§" to "§", one space after "§". */
function baseNorm(s: string): string {
  return s
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/§§/g, '§')
    .replace(/§\s*/g, '§ ');
}

/** For substring comparison: lower case, spellings unified, "§" lists expanded, spaces collapsed. */
function cmpNorm(s: string): string {
  return baseNorm(s)
    .toLowerCase()
    .replace(/\bu\.\s?s\.\s?c\.?(?=\s)/g, 'usc')
    .replace(/\bc\.\s?f\.\s?r\.?(?=\s)/g, 'cfr')
    .replace(/\b([hs])\.\s?f\.?\s?(?=\d)/g, '$1f ')
    .replace(/\b([hs])f(?=\d)/g, '$1f ')
    .replace(/\bch\.\s?(?=\d)/g, 'chapter ')
    .replace(/\bsec\.\s?(?=\d)/g, 'sec. ')
    .replace(/\b(usc|cfr) § /g, '$1 ')
    // "§ 629.30, 629.34", "§ 236 and 287" → "§ 629.30, § 629.34", "§ 236 and § 287"
    .replace(/§ \d[\w.()]*(?:(?:,\s*|\s+and\s+)\d[\w.()]*)+/g, (list) => list.replace(/(,\s*|\s+and\s+)(?=\d)/g, '$1§ '))
    .replace(/\s+/g, ' ');
}

const URL_RE = /https?:\/\/[^\s)|;,]+/g;
const factsNoUrls = factsRaw.replace(URL_RE, ' ');
const factsCmp = cmpNorm(factsNoUrls);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `needle` occurs in `hay` as a whole token (not inside a longer number or word). */
function hasToken(hay: string, needle: string): boolean {
  const before = /^[0-9]/.test(needle) ? '(?<![0-9]|[0-9][.\\-])' : '(?<![a-z0-9])';
  const after = /[0-9]$/.test(needle) ? '(?![0-9]|[.\\-][0-9])' : '(?![a-z0-9])';
  return new RegExp(before + escapeRe(needle) + after).test(hay);
}

/** Every date the text states, as YYYY-MM-DD, plus every YYYY-MM and YYYY it names. */
function datesIn(text: string): { days: Set<string>; months: Set<string>; years: Set<string> } {
  const t = baseNorm(text);
  const days = new Set<string>();
  const months = new Set<string>();
  const years = new Set<string>(t.match(/\b(?:19|20)\d\d\b/g) ?? []);
  // "December 11, 2025", "Dec. 3, 2025", "June 10-11, 2014", "Feb. 4 & ~Feb. 12, 2026" (the first
  // day borrows the year that follows within a few words).
  const dayRe = new RegExp(`(${MONTH_RE})\\s+(\\d{1,2})(?:-(\\d{1,2}))?(?!\\d)(?:,?\\s+((?:19|20)\\d\\d)\\b)?`, 'g');
  for (const m of t.matchAll(dayRe)) {
    let year = m[4];
    if (!year) {
      const ahead = t.slice(m.index! + m[0].length, m.index! + m[0].length + 40).match(new RegExp(`^[^.|;]*?${MONTH_RE}\\s+\\d{1,2},\\s+((?:19|20)\\d\\d)`));
      year = ahead?.[1];
    }
    if (!year) continue;
    const mo = pad(monthNumber(m[1]!));
    days.add(`${year}-${mo}-${pad(m[2]!)}`);
    if (m[3]) days.add(`${year}-${mo}-${pad(m[3])}`);
  }
  // "June 2003", "Dec. 2025"
  for (const m of t.matchAll(new RegExp(`(${MONTH_RE})\\s+((?:19|20)\\d\\d)\\b`, 'g'))) months.add(`${m[2]}-${pad(monthNumber(m[1]!))}`);
  // Code history notes and drafts: "7-11-03", "1/28/26"
  for (const m of t.matchAll(/(?<![\d-])(\d{1,2})[-/](\d{1,2})[-/](\d{2})(?![\d-])/g)) days.add(`${fullYear(m[3]!)}-${pad(m[1]!)}-${pad(m[2]!)}`);
  // ISO dates
  for (const m of t.matchAll(/\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g)) days.add(`${m[1]}-${m[2]}-${m[3]}`);
  for (const d of days) months.add(d.slice(0, 7));
  for (const d of months) years.add(d.slice(0, 4));
  return { days, months, years };
}

const factsDates = datesIn(factsNoUrls);

/** Dollar amounts as integers: "$40,000", "$200k", "~$170,000". */
function dollarsIn(text: string): number[] {
  return [...text.matchAll(/\$\s?(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|million)?\b/gi)].map((m) => {
    const n = Number(m[1]!.replace(/,/g, ''));
    const unit = m[2]?.toLowerCase();
    return Math.round(unit === 'k' || unit === 'thousand' ? n * 1e3 : unit === 'million' ? n * 1e6 : n);
  });
}
const factsDollars = new Set(dollarsIn(factsNoUrls));

// ---------------------------------------------------------------------------------------------
// Records of the facts file (a table row, a bullet, a paragraph) with their confidence tags

const factsRecords: string[] = (() => {
  const out: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) out.push(cur.join(' '));
    cur = [];
  };
  for (const line of factsRaw.split('\n')) {
    if (!line.trim() || line.startsWith('#')) flush();
    else if (line.startsWith('|')) {
      flush();
      out.push(line);
    } else if (/^\s*(?:- |\d+\. )/.test(line)) {
      flush();
      cur.push(line);
    } else cur.push(line);
  }
  flush();
  return out;
})();

/** Headings of the facts file with the text under each, for pinpoint subsections ("(a)(3)" under "§ 19.30"). */
const factsSections: { heading: string; body: string }[] = (() => {
  const out: { heading: string; body: string }[] = [];
  for (const part of factsNoUrls.split(/^(?=#{2,4} )/m)) {
    const nl = part.indexOf('\n');
    out.push({ heading: cmpNorm(part.slice(0, nl)), body: cmpNorm(part.slice(nl + 1)) });
  }
  return out;
})();

// ---------------------------------------------------------------------------------------------
// Token extraction from the pack

type Kind =
  | 'ordinance'
  | 'section'
  | 'executive-order'
  | 'vote'
  | 'dollars'
  | 'bill'
  | 'form'
  | 'phone'
  | 'citation'
  | 'number'
  | 'date'
  | 'month';

interface Token {
  entry: string;
  field: string;
  kind: Kind;
  token: string;
  /** confidence of the point/exception/date it sits in; undefined for title, summary, aliases. */
  confidence?: 'primary' | 'reported';
}

interface Field {
  field: string;
  text: string;
  confidence?: 'primary' | 'reported';
}

function fieldsOf(e: Entry): Field[] {
  return [
    { field: 'title', text: e.title },
    ...(e.citation ? [{ field: 'citation', text: e.citation }] : []),
    { field: 'summary', text: e.summary },
    ...e.aliases.map((a, i) => ({ field: `aliases[${i}]`, text: a })),
    ...e.points.map((p, i) => ({ field: `points[${i}]`, text: p.text, confidence: p.confidence })),
    ...e.exceptions.map((p, i) => ({ field: `exceptions[${i}]`, text: p.text, confidence: p.confidence })),
    ...e.dates.map((d, i) => ({ field: `dates[${i}]`, text: d.what, confidence: d.confidence })),
  ];
}

const VOTE_CONTEXT = /\b(vote[sd]?|voting|tie|tied|unanimous(ly)?|table[sd]?|adopt\w*|pass\w*|approv\w*|fail\w*|tally)\b/i;

function tokensOf(e: Entry): Token[] {
  const out: Token[] = [];
  for (const f of fieldsOf(e)) {
    // Work on a copy in which every matched span is blanked, so one number is one token.
    let t = baseNorm(f.text);
    const add = (kind: Kind, token: string) => out.push({ entry: e.id, field: f.field, kind, token, confidence: f.confidence });
    const take = (re: RegExp, fn: (m: RegExpMatchArray) => void) => {
      t = t.replace(re, (...args) => {
        const m = args.slice(0, -2) as unknown as RegExpMatchArray;
        fn(m);
        return ' '.repeat((args[0] as string).length);
      });
    };
    take(/\b\d{3}-\d{3}-\d{4}\b/g, (m) => add('phone', m[0]));
    take(new RegExp(`${MONTH_RE}\\s+\\d{1,2}(?:-\\d{1,2})?,\\s+(?:19|20)\\d\\d\\b`, 'g'), (m) => {
      for (const d of datesIn(m[0]).days) add('date', d);
    });
    take(new RegExp(`${MONTH_RE}\\s+(?:19|20)\\d\\d\\b`, 'g'), (m) => {
      for (const d of datesIn(m[0]).months) add('month', d);
    });
    take(/(?<![\d-])\d{1,2}-\d{1,2}-\d{2}(?![\d-])/g, (m) => add('citation', m[0]));
    take(/\b(?:Executive Orders?|Exec\. Order|EOs?|E\.O\.)\s+(?:No\.\s*)?((?:\d{4}-\d{2}|\d{5})(?:(?:,\s*|\s+and\s+)(?:\d{4}-\d{2}|\d{5}))*)\b/g, (m) => {
      for (const n of m[1]!.split(/,\s*|\s+and\s+/)) add('executive-order', n);
    });
    take(/\b\d+\s+(?:Fed\. Reg\.|F\. Supp\.(?: \dd)?|Stat\.)\s+[\d-]+/g, (m) => add('citation', m[0]));
    take(/\bPub\. L\. \d+-\d+/g, (m) => add('citation', m[0]));
    take(/\b\d{4}-Or-\d+\b/gi, (m) => add('ordinance', m[0]));
    take(/\b(?:Ordinances?|Ords?\.?|Council File|No\.)\s+((?:[A-Z]?\d+(?:-\d+)?)(?:(?:,\s*|\s+and\s+|\s*\/\s*)[A-Z]?\d+(?:-\d+)?)*)\b/g, (m) => {
      for (const n of m[1]!.split(/,\s*|\s+and\s+|\s*\/\s*/)) add('ordinance', n);
    });
    take(/\b([HS])\.?\s?F\.?\s?(\d+)\b/g, (m) => add('bill', `${m[1]}F ${m[2]}`));
    take(/\bI-\d+[A-Z]?\b/g, (m) => add('form', m[0]));
    take(/\$\s?\d[\d,]*(?:\.\d+)?\s*(?:k|thousand|million)?\b/gi, (m) => add('dollars', String(dollarsIn(m[0])[0])));
    take(/\b\d+\s+(?:U\.?S\.?C\.?|C\.?F\.?R\.?)\s+(?:§ )?\d+(?:\.\d+)?[a-z]?(?:\([a-z0-9]+\))*/g, (m) => add('section', m[0]));
    take(/\bSec\.\s?(\d+\.\d+)\b/g, (m) => add('section', m[1]!)); // "Sec. 19.10" is § 19.10
    take(/\b(?:Sec\.|Title|Chapter|Ch\.)\s?\d+(?:-\d+)?[A-Z]?\b/g, (m) => add('section', m[0]));
    // "§ 19.30(a)(3)-(4)", "§§ 629.30, 629.34", "§§ 236 and 287", "§ 9(a)"
    take(/§ (\d+(?:\.\d+)?[A-Za-z]?(?:\([a-zA-Z0-9]+\))*(?:-\([a-z0-9]+\))?)((?:(?:,\s*|\s+and\s+)\d+(?:\.\d+)?(?:\([a-zA-Z0-9]+\))*)*)/g, (m) => {
      const [first, ...rest] = [m[1]!, ...m[2]!.split(/,\s*|\s+and\s+/).filter(Boolean)];
      add('section', `§ ${first}`);
      for (const r of rest) add('section', `§ ${r}`);
    });
    take(/\b(?:INA )?[Ss]ections? (\d+(?:\.\d+)?(?:\([a-zA-Z0-9]+\))*)((?:(?:,\s*|\s+and\s+)\d+(?:\.\d+)?(?:\([a-zA-Z0-9]+\))*)*)/g, (m) => {
      for (const n of [m[1]!, ...m[2]!.split(/,\s*|\s+and\s+/).filter(Boolean)]) add('section', `§ ${n}`);
    });
    take(/\b\d+\.\d+(?:\([a-zA-Z0-9]+\))*(?:-\([a-z0-9]+\))?(?!%)(?!\d|\.\d)/g, (m) => add('section', m[0]));
    take(/\b\d+(?:\([a-zA-Z0-9]+\))+/g, (m) => add('section', m[0]));
    // "unanimous(ly)" states a vote as surely as "13-0" does.
    take(/\bunanimous(?:ly)?\b/gi, () => add('vote', 'unanimous'));
    // What is left of the shape "13-0", "2025-02", "A18-2011", "9-101".
    take(/\b[A-Z]?\d+(?:-\d+)+\b/g, (m) => {
      const tally = /^\d{1,3}-\d{1,3}$/.test(m[0]);
      const norm = baseNorm(f.text);
      const at = norm.indexOf(m[0]);
      const around = norm.slice(Math.max(0, at - 60), at + m[0].length + 60);
      const order = /^\d{4}-\d{2}$/.test(m[0]) && /\b(order|EO)\b/i.test(around);
      add(tally && VOTE_CONTEXT.test(around) ? 'vote' : order ? 'executive-order' : 'number', m[0]);
    });
  }
  for (const [i, d] of e.dates.entries()) {
    const kind: Kind | undefined = /^\d{4}-\d\d-\d\d$/.test(d.date) ? 'date' : /^\d{4}-\d\d$/.test(d.date) ? 'month' : undefined;
    out.push({ entry: e.id, field: `dates[${i}].date`, kind: kind ?? 'number', token: d.date, confidence: d.confidence });
  }
  return out;
}

/** Is the token stated in the facts file? */
function inFacts(tok: Token): boolean {
  switch (tok.kind) {
    case 'date':
      return factsDates.days.has(tok.token);
    case 'month':
      return factsDates.months.has(tok.token);
    case 'vote':
      return tok.token === 'unanimous' ? /\bunanimous/.test(factsCmp) : hasToken(factsCmp, tok.token);
    case 'dollars':
      return factsDollars.has(Number(tok.token));
    case 'number':
      return /^\d{4}$/.test(tok.token) ? factsDates.years.has(tok.token) : hasToken(factsCmp, cmpNorm(tok.token));
    case 'section': {
      let n = cmpNorm(tok.token).trim();
      if (hasToken(factsCmp, n)) return true;
      // The facts file writes "287(g)" and "19.30" bare as often as with "§"; a bare integer needs its "§".
      if (/^§ \d+(\.\d+|\()/.test(n)) n = n.slice(2);
      if (hasToken(factsCmp, n)) return true;
      // "§ 19.30(a)(3)-(4)" / "19.30(a)(1)": the facts file lists subsections under a heading that
      // names the section, so accept the base number plus each subsection found under that heading.
      const m = n.match(/^(.*?\d)((?:\([a-z0-9]+\))+)(?:-(\([a-z0-9]+\)))?$/);
      if (!m) return false;
      const [, base, sub, alt] = m;
      const under = factsSections.filter((s) => hasToken(s.heading, base!));
      const head = sub!.replace(/\([a-z0-9]+\)$/, '');
      return under.some((s) => s.body.includes(sub!) && (!alt || s.body.includes(head + alt)));
    }
    default:
      return hasToken(factsCmp, cmpNorm(tok.token).trim());
  }
}

const tokens = entries.flatMap(tokensOf);
if (process.env.PROVENANCE_DUMP) for (const t of tokens) console.log(`${t.entry}\t${t.field}\t${t.kind}\t${t.token}\t${t.confidence ?? ''}`);
const key = (t: Token) => `${t.entry}: ${t.token}`;

// ---------------------------------------------------------------------------------------------

describe('provenance: the pack against its research notes', () => {
  it('reads the dated facts snapshot', () => {
    expect(factsRaw.split('\n')[0]).toMatch(/^<!-- .*minneapolis-facts\.md.* \d{4}-\d\d-\d\d/);
    expect(factsDates.days.has('2025-12-11')).toBe(true);
    expect(factsDates.days.has('2003-07-11')).toBe(true); // "7-11-03"
    expect(factsDates.days.has('2026-01-28')).toBe(true); // "1/28/26"
    expect(factsDates.days.has('2014-06-10') && factsDates.days.has('2014-06-11')).toBe(true); // "June 10–11, 2014"
    expect(factsDates.days.has('2026-02-04')).toBe(true); // "Feb. 4 & ~Feb. 12, 2026"
  });

  it('extracts the checkable tokens of every kind', () => {
    const kinds = new Set(tokens.map((t) => t.kind));
    for (const k of ['ordinance', 'section', 'executive-order', 'vote', 'dollars', 'bill', 'date'] as const) expect(kinds, k).toContain(k);
    expect(tokens.length).toBeGreaterThan(300);
  });

  it('finds every ordinance, section, order and bill number, vote, amount and date in the facts file', () => {
    const missing = tokens
      .filter((t) => !inFacts(t) && !(key(t) in ALLOW))
      .map((t) => `${t.entry} ${t.field} [${t.kind}] ${t.token}`);
    expect(missing).toEqual([]);
  });

  it('rejects invented numbers (the check is not vacuous)', () => {
    const fake = {
      id: 'fake',
      title: 'Ordinance 2025-Or-117 and § 19.35',
      aliases: ['HF 17', 'Executive Order 2025-03', 'Sec. 2-159'],
      summary: 'Adopted 12-1 with $50,000 for training on December 16, 2025; see 8 U.S.C. § 1374 and 19.30(a)(7).',
      points: [],
      exceptions: [],
      dates: [{ date: '2025-12-10', type: 'adopted', what: 'x', confidence: 'primary', sources: ['s1'] }],
    } as unknown as Entry;
    const found = tokensOf(fake).filter(inFacts).map((t) => t.token);
    expect(found).toEqual([]);
    expect(tokensOf(fake).map((t) => t.kind).sort()).toEqual(
      ['bill', 'date', 'date', 'dollars', 'executive-order', 'ordinance', 'section', 'section', 'section', 'section', 'vote'].sort(),
    );
  });

  it('keeps the allow-list honest: every allowed token is still used and still missing from the facts', () => {
    for (const k of Object.keys(ALLOW)) {
      const used = tokens.filter((t) => key(t) === k);
      expect(used.length, k).toBeGreaterThan(0);
      expect(used.some((t) => !inFacts(t)), k).toBe(true);
    }
    for (const k of Object.keys(DATE_SOURCE_ALLOW)) {
      const [id, date] = k.split(': ');
      expect(entries.find((e) => e.id === id)?.dates.some((d) => d.date === date), k).toBe(true);
    }
  });

  it('dates an event only as a facts record citing one of its sources dates it', () => {
    const normUrl = (u: string) => u.replace(/^https?:\/\/(www\d?\.)?/, '').replace(/\?.*$/, '').replace(/[/.]+$/, '');
    const bad: string[] = [];
    for (const e of entries) {
      const urls = new Map(e.sources.map((s) => [s.id, normUrl(s.url)]));
      for (const d of e.dates.filter((x) => /^\d{4}-\d\d-\d\d$/.test(x.date))) {
        const own = d.sources.map((s) => urls.get(s));
        const ok = factsRecords.some(
          (r) => datesIn(r.replace(URL_RE, ' ')).days.has(d.date) && (r.match(URL_RE) ?? []).some((u) => own.includes(normUrl(u))),
        );
        if (!ok && !(`${e.id}: ${d.date}` in DATE_SOURCE_ALLOW)) bad.push(`${e.id} ${d.date} ${d.what}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('marks reported every point, exception and date whose only sources are secondary', () => {
    const bad = entries.flatMap((e) => {
      const primary = new Set(e.sources.filter((s) => s.type === 'primary').map((s) => s.id));
      const items = [
        ...e.points.map((p, i) => [`points[${i}]`, p] as const),
        ...e.exceptions.map((p, i) => [`exceptions[${i}]`, p] as const),
        ...e.dates.map((d, i) => [`dates[${i}]`, d] as const),
      ];
      return items.filter(([, p]) => p.confidence === 'primary' && !p.sources.some((s) => primary.has(s))).map(([f]) => `${e.id} ${f}`);
    });
    expect(bad).toEqual([]);
  });

  it('takes every source URL from the facts file, and types a source primary only where the facts tag it [P]', () => {
    // Scheme, "www.", query string (tracking parameters) and trailing slash do not matter.
    const norm = (u: string) => u.replace(/^https?:\/\/(www\d?\.)?/, '').replace(/\?.*$/, '').replace(/[/.]+$/, '');
    const notFound: string[] = [];
    const notPrimary: string[] = [];
    for (const e of entries) {
      for (const s of e.sources) {
        const recs = factsRecords.filter((r) => (r.match(URL_RE) ?? []).some((u) => norm(u) === norm(s.url)));
        if (!recs.length) notFound.push(`${e.id} ${s.id} ${s.url}`);
        else if (s.type === 'primary' && !recs.some((r) => /\[P[\]/,: ]|\[S\/P\]/.test(r))) notPrimary.push(`${e.id} ${s.id} ${s.url}`);
      }
    }
    expect(notFound).toEqual([]);
    expect(notPrimary).toEqual([]);
  });

  it('states a vote tally only in a reported point, unless the facts file tags that vote [P]', () => {
    // A vote is primary when a facts record stating it is tagged [P] and does not say the count
    // itself is [S] (e.g. "[P] for date & three headline items; [S] for vote count").
    const primaryVote = (tally: string) =>
      factsRecords.some(
        (r) => (tally === 'unanimous' ? /\bunanimous/i.test(r) : hasToken(cmpNorm(r), tally)) && /\[P\]/.test(r) && !/\[S\][^|]*\bvote/i.test(r),
      );
    const votes = tokens.filter((t) => t.kind === 'vote');
    expect(votes.length).toBeGreaterThan(0);
    const bad = votes.filter((t) => !primaryVote(t.token) && t.confidence !== 'reported').map((t) => `${t.entry} ${t.field} ${t.token}`);
    expect(bad).toEqual([]);
  });

  it('does not copy the press quotations the facts file records (8 or more consecutive words)', () => {
    // The facts file is our paraphrase, so sharing its wording is fine; but where it quotes a
    // press report word for word (a quoted passage in a record not tagged [P]), the pack must
    // paraphrase it, quoting at most a few words with quotation marks.
    const words = (x: string) => baseNorm(x).toLowerCase().replace(/[^a-z0-9\s-]/g, ' ').split(/\s+/).filter(Boolean);
    const N = 8;
    const quotes = factsRecords
      .filter((r) => !/\[P/.test(r))
      .flatMap((r) => r.match(/"[^"]+"/g) ?? [])
      .map(words)
      .filter((w) => w.length >= N);
    expect(quotes.length).toBeGreaterThan(0);
    const grams = new Set(quotes.flatMap((w) => w.slice(0, w.length - N + 1).map((_, i) => w.slice(i, i + N).join(' '))));
    const bad = entries.flatMap((e) =>
      fieldsOf(e)
        .filter((f) => {
          const w = words(f.text);
          return w.some((_, i) => i + N <= w.length && grams.has(w.slice(i, i + N).join(' ')));
        })
        .map((f) => `${e.id} ${f.field}`),
    );
    expect(bad).toEqual([]);
  });

  it('reports how much it checked', () => {
    const byKind = new Map<string, number>();
    for (const t of tokens) byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + 1);
    console.info(`provenance: ${tokens.length} tokens from ${entries.length} entries`, Object.fromEntries(byKind));
    expect(tokens.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Pack 1.1 rules (./provenance-rules.ts): quotations, "reversed", press wording. The seeds are
// third-party text, read from ../shared at run time and never copied into the project.

const SEEDS_DIR = resolve(__dirname, '../../../shared/seeds');
const seedText = (prefix: string) => {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  return name ? readFileSync(resolve(SEEDS_DIR, name), 'utf8') : '';
};
const seeds: Seed[] = [
  // 004: the Patch story on the City's guidance after the Jan. 7, 2026 shooting.
  { urls: ['https://new-origin.patch.com/minnesota/southwestminneapolis/after-deadly-shooting-city-issues-new-guidance-dealing-ice'], text: seedText('004_') },
  // 000: the AI-written fact-check answer; no pack source is its address.
  { urls: [], text: seedText('000_') },
];

/** A pack-shaped entry for the broken examples below. */
function fakeEntry(over: Partial<Entry>): Entry {
  return {
    id: 'fake', kind: 'event', jurisdiction: 'Minneapolis', title: 'x', summary: 'x', aliases: [], points: [], exceptions: [], dates: [],
    status: 'event', related: [], openQuestions: [], keywords: [],
    sources: [{ id: 's1', url: 'https://new-origin.patch.com/minnesota/southwestminneapolis/after-deadly-shooting-city-issues-new-guidance-dealing-ice', publisher: 'Patch', type: 'secondary' }],
    ...over,
  } as Entry;
}

describe('provenance 1.1: quotations, reversals and press wording', () => {
  const ctx = { seeds, notes: factsRaw };

  it('reads both seeds from ../shared', () => {
    expect(seeds.every((s) => s.text.length > 1000)).toBe(true);
  });

  it('quotes nothing that the cited seed, or else a seed or the research notes, does not contain', () => {
    expect(entries.flatMap((e) => unsupportedQuotations(e, ctx))).toEqual([]);
  });

  it('catches a quotation no source contains, even one the research notes name in a correction', () => {
    const bad = fakeEntry({
      sources: [...fakeEntry({}).sources, { id: 's2', url: 'https://docslib.org/doc/9728144/minneapolis-sanctuary-ordinance-chapter', publisher: 'City of Minneapolis', type: 'primary' }],
      summary: 'Officers "stabilize a violent scene then leave".',
      points: [
        { text: 'Patch says the threshold is a "clear and immediate threat".', confidence: 'reported', sources: ['s1'] },
        { text: 'Secondary sources call Chapter 19 "Immigration Status".', confidence: 'reported', sources: ['s2'] },
        { text: 'Patch says officers "stabilize a violent scene then leave".', confidence: 'reported', sources: ['s1'] },
      ],
    });
    expect(unsupportedQuotations(bad, ctx)).toEqual([
      'fake summary: "stabilize a violent scene then leave"',
      'fake points[1]: "Immigration Status"',
      'fake points[2]: "stabilize a violent scene then leave"',
    ]);
  });

  it('nowhere repeats words the research notes record as in no source (entries and changelog)', () => {
    // The notes' "(Correction …)" asides quote what an earlier version wrongly attributed.
    const phrases = [...factsRaw.matchAll(/\(Correction[^)]*\)/g)]
      .flatMap((m) => [...m[0].matchAll(/"([^"]+)"/g)].map((q) => q[1]!.toLowerCase()))
      .filter((q) => q.split(/\s+/).length >= 3);
    expect(phrases).toContain('stabilize a violent scene then leave');
    const texts = [
      ...packs.flatMap((p) => p.changelog.flatMap((c) => c.changes.map((t) => [`${p.id} changelog ${c.version}`, t] as const))),
      ...entries.map((e) => [e.id, JSON.stringify(e)] as const),
    ];
    const bad = texts.flatMap(([where, t]) => phrases.filter((q) => t.toLowerCase().includes(q)).map((q) => `${where}: "${q}"`));
    expect(bad).toEqual([]);
  });

  it('calls nothing reversed unless a research record citing its sources says so', () => {
    expect(entries.flatMap((e) => unsupportedReversals(e, factsRecords))).toEqual([]);
  });

  it('catches a stayed order called reversed (status, date type, wording), and leaves a negation alone', () => {
    const menendez = entries.find((e) => e.id === 'menendez-order-2026')!;
    expect(menendez.status).toBe('stayed');
    const broken = {
      ...menendez,
      status: 'reversed',
      summary: 'The Eighth Circuit reversed the order.',
      dates: menendez.dates.map((d) => ({ ...d, type: 'reversed' as const })),
    } as Entry;
    const found = unsupportedReversals(broken, factsRecords);
    expect(found).toContain('menendez-order-2026 status');
    expect(found).toContain('menendez-order-2026 summary');
    expect(found).toContain('menendez-order-2026 dates[0]');
    expect(saysReversed('It stayed the order; it did not reverse it.')).toBe(false);
    expect(saysReversed('The court reversed the order.')).toBe(true);
  });

  it('never marks primary (Official) a statement worded as known only from the press', () => {
    expect(entries.flatMap(primaryPressWording)).toEqual([]);
    const bad = fakeEntry({ points: [{ text: 'The training is reportedly annual.', confidence: 'primary', sources: ['s1'] }] });
    expect(primaryPressWording(bad)).toEqual(['fake points[0]']);
  });
});
