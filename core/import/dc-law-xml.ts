/**
 * Adapter for the D.C. Council's open law XML (github.com/DCCouncil/law-xml, folder
 * us/dc/council/code/): one entry per section file `titles/<n>/sections/<num>.xml`.
 *
 * - id `dc-24-211.07`, kind `ordinance-section`, title from `<heading>`, citation
 *   "D.C. Code § 24-211.07", the Council's page for the section as the primary source;
 * - the section's own text and every `<para>` as points, with the pinpoint chain of their
 *   `<num>`s ("(b)(2)(B)(i)"), confidence primary: the points are the official text, verbatim;
 * - dates from the History annotations ("as added Dec. 11, 2012, D.C. Law 19-194, …"), quoted;
 * - `related` from `<cite path="§23-1331|(3)">` to sections present in the same publication;
 * - title, chapter and subchapter headings (from the titles' index.xml) in the summary, where
 *   they count for ranking and show on the card; terms a section defines ("“Dangerous crime”
 *   means …") as its search keywords;
 * - `<reason>Repealed</reason>` (and Expired, Omitted, Transferred, bracketed headings) as status.
 * The "(Perm)" files of titles/99 are permanent versions of sections whose current text includes
 * emergency or temporary legislation: not separate entries, but an open question on the section.
 */
import type { DatedEvent, EntryInput, PackInput, Point, Status } from '../schema/pack';
import { SCHEMA_VERSION } from '../schema/pack';
import { firstPrintedDate } from './history-dates';
import type { CodeAdapter, ImportOptions, ImportReport, SourceFolder } from './types';
import { child, elements, parseXml, textOf, type XmlElement } from './xml';

/** The Council's public code site shows each section at this address (checked 2026-12-01). */
export const DC_SECTION_URL = 'https://code.dccouncil.gov/us/dc/council/code/sections/';
const PUBLISHER = 'Council of the District of Columbia';

const SECTION_FILE = /(?:^|\/)titles\/([^/]+)\/sections\/([^/]+)\.xml$/;
const PERM_FILE = /(?:^|\/)titles\/99\/([^/]+)\(Perm\)\.xml$/;
const TITLE_INDEX = /(?:^|\/)titles\/([^/]+)\/index\.xml$/;

/** Entry id for a section number: "24-211.07" → "dc-24-211.07", "28:9-101" → "dc-28-9-101". */
export function dcEntryId(num: string): string {
  return 'dc-' + num.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
}

export const dcCitation = (num: string) => `D.C. Code § ${num}`;

interface Level {
  prefix: string;
  num: string;
  heading: string;
}

/** File stem → the title/chapter/subchapter… it sits in, from a title's index.xml. */
function readContainers(root: XmlElement, out: Map<string, Level[]>): void {
  const walk = (el: XmlElement, path: Level[]) => {
    const here = child(el, 'prefix') || child(el, 'num') ? [...path, { prefix: textOf(child(el, 'prefix')), num: textOf(child(el, 'num')), heading: textOf(child(el, 'heading')).replace(/\.$/, '') }] : path;
    for (const c of elements(el)) {
      if (c.name === 'container') walk(c, here);
      else if (c.name === 'xi:include') {
        const m = /sections\/([^/]+)\.xml$/.exec(c.attrs.href ?? '');
        if (m) out.set(m[1]!, here);
      }
    }
  };
  walk(root, []);
}

const levelName = (l: Level) => `${l.prefix} ${l.num}${l.heading ? ` (${l.heading})` : ''}`.trim();

/** `<reason>` words that say a section is no longer law; other reasons are editorial (a heading's spelling). */
const REASON_STATUS: Record<string, Status> = { repealed: 'repealed', expired: 'expired', omitted: 'omitted', transferred: 'transferred', 'not funded': 'unknown', abolished: 'unknown' };
const BRACKET = /\[(repealed|expired|omitted|transferred|reserved)\.?\]/i;

function statusOf(reason: string, heading: string): { status: Status; word: string } | undefined {
  const r = reason.toLowerCase().trim();
  if (REASON_STATUS[r]) return { status: REASON_STATUS[r], word: reason.trim() };
  const b = BRACKET.exec(heading);
  if (b) return { status: REASON_STATUS[b[1]!.toLowerCase()] ?? 'unknown', word: b[1]!.replace(/^./, (c) => c.toUpperCase()) };
  return undefined;
}

/** "(b)", "(2)" … as a pinpoint part; undesignated paragraphs add nothing. */
function pinPart(num: XmlElement | undefined): string {
  if (!num || num.attrs.undesignated) return '';
  const t = textOf(num).replace(/[.—–-]+$/, '').trim();
  if (!t) return '';
  return t.startsWith('(') ? t.replace(/\s+/g, '') : `(${t})`;
}

const isLawText = (el: XmlElement) => el.name === 'text' && !el.attrs.type;

/** Points from a section or paragraph, depth first, in document order. */
function collectPoints(el: XmlElement, chain: string, out: Point[], cites: Set<string>): void {
  let heading = el.name === 'para' ? textOf(child(el, 'heading')) : '';
  for (const c of elements(el)) {
    if (c.name === 'para') collectPoints(c, chain + pinPart(child(c, 'num')), out, cites);
    else if (isLawText(c) || c.name === 'aftertext' || c.name === 'table') {
      collectCites(c, cites);
      let text = textOf(c);
      if (heading) {
        text = `${heading} ${text}`.trim();
        heading = '';
      }
      if (text) out.push({ text, confidence: 'primary', sources: ['s1'], ...(chain ? { subsection: chain } : {}) });
    }
  }
  if (heading) out.push({ text: heading, confidence: 'primary', sources: ['s1'], ...(chain ? { subsection: chain } : {}) });
}

/** "(3) The term “dangerous crime” means: …", "“Person” includes …": a definition's term. */
const DEFINES = /^(?:the (?:terms?|phrase|words?)\s+)?[“"]([^”"]{2,80})[”"](?:,? (?:and|or) [“"][^”"]+[”"])*\s*(?:—\s*)?(?:means|shall mean|includes?|has the (?:same )?meaning|refers|shall include|shall have)/i;
/** At most this many defined terms per section become search keywords. */
const MAX_DEFINED = 150;

/**
 * Terms a section defines, as search keywords: a reader who selects "crime of violence" means the
 * section that defines it. Keywords are search-only; the definition itself is the point.
 */
export function definedTerms(points: readonly Point[]): string[] {
  const out = new Set<string>();
  for (const p of points) {
    const m = DEFINES.exec(p.text);
    if (m) out.add(m[1]!.replace(/[.,;:]+$/, '').trim());
    if (out.size >= MAX_DEFINED) break;
  }
  return [...out].filter(Boolean);
}

/** Section numbers cited anywhere under `el` ("§23-1331|(3)" → "23-1331"). */
function collectCites(el: XmlElement, out: Set<string>): void {
  for (const c of elements(el)) {
    if (c.name === 'cite' && c.attrs.path && !c.attrs.doc?.startsWith('D.C. Law')) {
      const m = /^§\s*([^|]+)/.exec(c.attrs.path);
      if (m) out.add(m[1]!.trim());
    }
    collectCites(c, out);
  }
}

/** History annotations → dated events, the note quoted as the Code prints it. */
function historyDates(annotations: XmlElement | undefined): { dates: DatedEvent[]; latest?: string; laws: string[] } {
  const dates: DatedEvent[] = [];
  const laws: string[] = [];
  if (!annotations) return { dates, laws };
  const history = elements(annotations, 'annotation').filter((a) => a.attrs.type === 'History');
  const added = history.findIndex((a) => /^\s*as added\b/i.test(textOf(a)));
  let latest: string | undefined;
  history.forEach((a, i) => {
    const text = textOf(a);
    const d = firstPrintedDate(text);
    if (!d || d.at > 40) return;
    if (a.attrs.doc?.startsWith('D.C. Law')) laws.push(a.attrs.doc);
    const lead = text.slice(0, d.at).toLowerCase();
    let type: DatedEvent['type'];
    let what: string;
    if (added >= 0 && i < added) {
      // Notes before "as added" are the history of a former section with the same number.
      type = 'event';
      what = `History of a former section with this number: ${text}`;
    } else if (/as added|enacted/.test(lead) || (i === 0 && !lead.trim())) {
      type = 'adopted';
      what = `History note: ${text}`;
    } else if (/repealed/.test(lead)) {
      type = 'rescinded';
      what = `History note: ${text}`;
    } else {
      type = 'amended';
      what = `History note: ${text}`;
    }
    dates.push({ date: d.date, type, what, confidence: 'primary', sources: ['s1'] });
    if (!latest || d.date > latest) latest = d.date;
  });
  return { dates, latest, laws };
}

interface Parsed {
  num: string;
  entry: EntryInput;
  cites: Set<string>;
  latest?: string;
  laws: string[];
}

function parseSection(xml: string, stem: string, levels: Level[] | undefined, opts: ImportOptions, asOf: () => string): Parsed {
  const root = parseXml(xml);
  if (root.name !== 'section') throw new Error(`root element is <${root.name}>, not <section>`);
  const num = textOf(child(root, 'num')) || stem.replace('~', ':');
  const headingRaw = textOf(child(root, 'heading'));
  const state = statusOf(textOf(child(root, 'reason')), headingRaw);
  const heading = headingRaw.replace(/\s*\.$/, '') || `Section ${num}`;
  const points: Point[] = [];
  const cites = new Set<string>();
  collectPoints(root, '', points, cites);
  const annotations = child(root, 'annotations');
  if (annotations) for (const a of elements(annotations, 'annotation')) if (a.attrs.type === 'Cross References' || a.attrs.type === 'Section References') collectCites(a, cites);
  cites.delete(num);
  const { dates, latest, laws } = historyDates(annotations);
  const where = (levels ?? []).map(levelName).join(', ');
  const title = state && !BRACKET.test(heading) ? `${heading} [${state.word}]` : heading;
  const summary = state
    ? `${state.word} section of the Code of the District of Columbia${where ? `, ${where}` : ''}: the Council's publication keeps its number, heading and history.`
    : `Section of the Code of the District of Columbia${where ? `, ${where}` : ''}: the official text as the Council publishes it.`;
  if (!points.length) points.push({ text: state ? `${state.word}.` : `${heading}.`, confidence: 'primary', sources: ['s1'] });
  const entry: EntryInput = {
    id: dcEntryId(num),
    kind: 'ordinance-section',
    jurisdiction: opts.jurisdiction,
    title,
    citation: dcCitation(num),
    summary,
    points,
    dates,
    status: state?.status ?? 'in-force',
    keywords: definedTerms(points),
    sources: [{ id: 's1', url: DC_SECTION_URL + num, publisher: PUBLISHER, title: dcCitation(num), type: 'primary', asOf: asOf() }],
  };
  return { num, entry, cites, latest, laws };
}

const lawNumber = (doc: string) => {
  const m = /(\d+)-(\d+)/.exec(doc);
  return m ? Number(m[1]) * 10000 + Number(m[2]) : 0;
};

export const dcLawXml: CodeAdapter = {
  format: 'dc-law-xml',
  description: "the D.C. Council's open law XML (DCCouncil/law-xml, us/dc/council/code): one entry per section file",
  convert(folder: SourceFolder, opts: ImportOptions, progress) {
    const files = folder.list();
    const sectionFiles = files.filter((f) => SECTION_FILE.test(f)).sort();
    if (!sectionFiles.length) throw new Error('no titles/<n>/sections/<num>.xml files: is this the us/dc/council/code folder of DCCouncil/law-xml?');
    const skipped: ImportReport['skipped'] = files.filter((f) => /\/sections\//.test(f) && !SECTION_FILE.test(f)).map((path) => ({ path, reason: 'not a section XML file' }));
    const perm = new Map<string, string>();
    for (const f of files) {
      const m = PERM_FILE.exec(f);
      if (m) perm.set(m[1]!, f);
    }
    const levels = new Map<string, Level[]>();
    for (const f of files.filter((x) => TITLE_INDEX.test(x))) {
      try {
        readContainers(parseXml(folder.read(f)), levels);
      } catch (err) {
        skipped.push({ path: f, reason: `title index not read (${err instanceof Error ? err.message : String(err)})` });
      }
    }
    let recency = '';
    const top = files.find((f) => /(?:^|\/)code\/index\.xml$/.test(f) || f === 'index.xml');
    if (top) {
      try {
        const law = /<law doc="([^"]+)"/.exec(folder.read(top));
        if (law) recency = law[1]!;
      } catch {
        /* the recency note is optional */
      }
    }
    // The as-of date is needed by every source; with no option it is known only after reading all.
    const pending = '0000-00-00';
    const parsed: Parsed[] = [];
    sectionFiles.forEach((f, i) => {
      const stem = SECTION_FILE.exec(f)![2]!;
      try {
        parsed.push(parseSection(folder.read(f), stem, levels.get(stem), opts, () => opts.asOf ?? pending));
      } catch (err) {
        skipped.push({ path: f, reason: err instanceof Error ? err.message : String(err) });
      }
      if (progress && (i % 500 === 0 || i === sectionFiles.length - 1)) progress(i + 1, sectionFiles.length);
    });
    const latest = parsed.reduce((acc, p) => (p.latest && p.latest > acc ? p.latest : acc), '');
    let latestLaw = '';
    for (const p of parsed) for (const l of p.laws) if (lawNumber(l) > lawNumber(latestLaw)) latestLaw = l;
    const asOf = opts.asOf ?? latest;
    if (!asOf) throw new Error('no --as-of date given and no dated history note in the data');
    const byNum = new Map(parsed.map((p) => [p.num, p.entry.id] as const));
    const seen = new Set<string>();
    const entries: EntryInput[] = [];
    for (const p of parsed) {
      if (seen.has(p.entry.id)) {
        skipped.push({ path: p.num, reason: `duplicate entry id ${p.entry.id}` });
        continue;
      }
      seen.add(p.entry.id);
      p.entry.related = [...p.cites].map((c) => byNum.get(c)).filter((id): id is string => !!id && id !== p.entry.id).filter((id, i, a) => a.indexOf(id) === i).slice(0, 25);
      for (const s of p.entry.sources) if (s.asOf === pending) s.asOf = asOf;
      const permFile = perm.get(p.num);
      if (permFile) p.entry.openQuestions = [`The Council also publishes a permanent version, § ${p.num}(Perm); this text is the current version, which includes emergency or temporary legislation. Check which applies before citing.`];
      entries.push(p.entry);
    }
    const notes = [
      opts.asOf ? `As of ${opts.asOf}: the publication's date, as given to the importer.` : `As of ${asOf}: the latest date in the history notes (no publication date was given).`,
      latest ? `The latest history note is dated ${latest}${latestLaw ? `; the highest D.C. Law number in them is ${latestLaw}` : ''}.` : '',
      recency ? `The publication's own recency note names ${recency}, older than its latest history notes: sections were last updated at different times, so a section's text may predate later laws.` : '',
      perm.size ? `${perm.size} sections also have a permanent "(Perm)" version (their current text includes emergency or temporary legislation); each says so in an open question.` : '',
    ].filter(Boolean);
    const pack: PackInput = {
      id: opts.id,
      title: opts.title,
      jurisdiction: opts.jurisdiction,
      version: opts.version ?? asOf,
      asOf,
      schemaVersion: SCHEMA_VERSION,
      description: `Imported from the Council's open law XML (format dc-law-xml): ${entries.length} sections, official text verbatim. ${notes.join(' ')}`,
      changelog: [{ version: opts.version ?? asOf, date: asOf, changes: [`Imported ${entries.length} sections with lens import-code --format dc-law-xml.`] }],
      entries,
    };
    return { pack, report: { sections: sectionFiles.length, entries: entries.length, skipped, asOf: { date: asOf, from: opts.asOf ? 'option' : 'data' }, notes } };
  },
};
