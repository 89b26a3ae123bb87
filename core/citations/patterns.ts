/**
 * Citation patterns: one documented row per kind of citation. Patterns run on normalized text
 * (core/text/normalize.ts: lower case, NFKC, dashes and quotes straightened), in table order;
 * an earlier row's match wins over a later overlapping one. Each row turns a match into canonical
 * keys, most specific first ("usc:8:1357(g)", "usc:8:1357"). Entries are indexed under the keys
 * found in their own citation and aliases, so the pack data decides what a citation resolves to.
 * Every row has positive and negative examples; tests/core/citations.test.ts runs them all.
 */
export interface CitationParse {
  /** Canonical keys, most specific first. */
  keys: string[];
  /** Subsection chain as written, e.g. "(a)(3)". */
  subsection: string;
  /** Number of trailing keys that are the base (without subsection): keys.length - baseIndex. */
  baseIndex: number;
}

export interface CitationPattern {
  name: string;
  description: string;
  /** Word used in "no such … in this pack". */
  noun: string;
  /** Local citations (city code, chapters, ordinances) can be narrowed by a named jurisdiction. */
  local: boolean;
  /** When false, an unresolved match is not reported as an unknown citation (too ambiguous). */
  reportUnknown: boolean;
  regex: RegExp;
  parse(m: RegExpExecArray): CitationParse;
  examples: { positive: { text: string; key: string }[]; negative: string[] };
}

const SUB = '((?:\\s?\\([a-z0-9]{1,4}\\))*)';
/** "Section 19.30, subd. (a)" / "subdivision (a)": the subsection written as a subdivision. */
const SUBD = '(?:,?\\s*subd(?:ivision|\\.)?\\s*(\\([a-z0-9]{1,4}\\)(?:\\s?\\([a-z0-9]{1,4}\\))*))?';

/**
 * A D.C.-style section number: title (optionally "28:" for the UCC title's articles), a dash, three
 * or four digits, an optional ".dd" part and letter suffixes: "24-211.07", "29a-1001", "28:9-101".
 * Not followed by another digit, dot-digit or dash, so phone numbers and ranges do not match.
 */
const DC_NUM = '((?:28:)?\\d{1,2}[a-z]?-\\d{3,4}(?:\\.\\d{1,3}[a-z]{0,2})?[a-z]?)(?![\\d-]|\\.\\d)';

/** keys for base + subsection chain, most specific first. */
export function withSubsections(base: string, sub: string): CitationParse {
  const parts = sub.replace(/\s+/g, '').match(/\([a-z0-9]+\)/g) ?? [];
  const keys = [base];
  let acc = '';
  for (const p of parts) {
    acc += p;
    keys.unshift(base + acc);
  }
  return { keys, subsection: parts.join(''), baseIndex: keys.length - 1 };
}

export const CITATION_PATTERNS: CitationPattern[] = [
  {
    name: 'us-code',
    description: 'United States Code: "8 U.S.C. § 1373", "8 USC 1357(g)"',
    noun: 'U.S. Code section',
    local: false,
    reportUnknown: true,
    regex: new RegExp(`\\b(\\d{1,2})\\s*u\\.?\\s?s\\.?\\s?c\\.?(?:\\s*a\\.?)?\\s*(?:§§?|sec(?:tion|\\.)?)?\\s*(\\d{1,5}[a-z]?)\\b${SUB}`, 'g'),
    parse: (m) => {
      const p = withSubsections(`usc:${m[1]}:${m[2]}`, m[3] ?? '');
      const q = withSubsections(`secnum:${m[2]}`, m[3] ?? '');
      return { ...p, keys: [...p.keys, ...q.keys] };
    },
    examples: {
      positive: [
        { text: '8 U.S.C. § 1373', key: 'usc:8:1373' },
        { text: '8 USC 1357(g)', key: 'usc:8:1357(g)' },
        { text: 'under 8 u.s.c. 1324(c) the', key: 'usc:8:1324(c)' },
      ],
      negative: ['8 USB ports', 'USC beat UCLA 28-10', 'U.S. citizens'],
    },
  },
  {
    name: 'cfr',
    description: 'Code of Federal Regulations: "8 C.F.R. 287.7", "8 CFR § 287.7(d)"',
    noun: 'C.F.R. section',
    local: false,
    reportUnknown: true,
    regex: new RegExp(`\\b(\\d{1,2})\\s*c\\.?\\s?f\\.?\\s?r\\.?\\s*(?:§§?|part|sec(?:tion|\\.)?)?\\s*(\\d{1,4}(?:\\.\\d{1,4})?)\\b${SUB}`, 'g'),
    parse: (m) => withSubsections(`cfr:${m[1]}:${m[2]}`, m[3] ?? ''),
    examples: {
      positive: [
        { text: '8 C.F.R. 287.7', key: 'cfr:8:287.7' },
        { text: '8 CFR § 287.7(d)', key: 'cfr:8:287.7(d)' },
      ],
      negative: ['CFR 8 million', 'the cfr report'],
    },
  },
  {
    name: 'executive-order',
    description: 'Executive orders: "EO 2025-02", "Executive Order No. 2025-02", "E.O. 14159"',
    noun: 'executive order',
    local: false,
    reportUnknown: true,
    regex: /\b(?:exec(?:utive|\.)?\s+order|e\.?\s?o\.?)\s*(?:no\.?|number|#)?\s*(\d{2,4}-\d{1,4}|\d{4,6})\b/g,
    // The number after the dash without leading zeros: "EO 2025-2" is "EO 2025-02".
    parse: (m) => ({ keys: [`eo:${m[1]!.replace(/-0+(?=\d)/, '-')}`], subsection: '', baseIndex: 0 }),
    examples: {
      positive: [
        { text: 'EO 2025-02', key: 'eo:2025-2' },
        { text: 'Executive Order 2025-02', key: 'eo:2025-2' },
        { text: 'Executive Order 2025-2', key: 'eo:2025-2' },
        { text: 'Executive Order No. 14159', key: 'eo:14159' },
        { text: 'Exec. Order No. 14287', key: 'eo:14287' },
      ],
      negative: ['the executive order said', 'geo 2025-02', 'video 2025-02'],
    },
  },
  {
    name: 'form-named',
    description: 'Forms named as such: "Form I-247", "Form I-9", "form G-28"',
    noun: 'form',
    local: false,
    reportUnknown: true,
    regex: /\bform\s+([a-z]{1,2})-?(\d{1,4})([a-z]?)\b/g,
    parse: (m) => formKeys(m[1]!, m[2]!, m[3] ?? ''),
    examples: {
      positive: [
        { text: 'Form I-247', key: 'form:i-247' },
        { text: 'Form I-9', key: 'form:i-9' },
        { text: 'form I-247A', key: 'form:i-247a' },
      ],
      negative: ['form 1040', 'a form of protest'],
    },
  },
  {
    name: 'form-bare',
    description: 'Immigration forms without the word "form": "I-200", "I-247A" (three digits, so "I-35W" and "I-94" are highways, not forms)',
    noun: 'form',
    local: false,
    reportUnknown: true,
    regex: /\b([ign])-(\d{3})([a-z]?)\b/g,
    parse: (m) => formKeys(m[1]!, m[2]!, m[3] ?? ''),
    examples: {
      positive: [
        { text: 'I-200', key: 'form:i-200' },
        { text: 'an I-247A detainer', key: 'form:i-247a' },
      ],
      negative: ['I-35W bridge', 'traffic on I-94', 'i-2000x'],
    },
  },
  {
    name: 'minnesota-statute',
    description: 'Minnesota Statutes: "Minn. Stat. § 609.735", "Minnesota Statutes, section 609.735", "Minn. Stat. § 480A.08, subd. 3"',
    noun: 'Minnesota statute',
    local: false,
    reportUnknown: true,
    regex: /\bminn(?:esota)?\.?\s*stat(?:utes|s?\.)?,?\s*(?:§§?|sections?|sec\.)?\s*(\d{1,3}[a-z]?\.\d{1,4})\b(?:,?\s*subd(?:ivision|\.)?\s*(\d{1,2}[a-z]?)\b)?/g,
    parse: (m) => (m[2] ? { keys: [`mnstat:${m[1]}(${m[2]})`, `mnstat:${m[1]}`], subsection: `, subd. ${m[2]}`, baseIndex: 1 } : { keys: [`mnstat:${m[1]}`], subsection: '', baseIndex: 0 }),
    examples: {
      positive: [
        { text: 'Minn. Stat. § 609.735', key: 'mnstat:609.735' },
        { text: 'Minnesota Statutes, section 609.735', key: 'mnstat:609.735' },
        { text: 'Minn. Stat. § 480A.08, subd. 3', key: 'mnstat:480a.08(3)' },
        { text: 'Minn. Stat. 629.34', key: 'mnstat:629.34' },
      ],
      negative: ['Minnesota statutes on trespass', 'Minn. State Fair 2025'],
    },
  },
  {
    name: 'dc-code',
    description: 'D.C. Code sections, title-dash-section: "D.C. Code § 24-211.07", "DC Code 24-211.07(b)(2)", "D.C. Official Code § 2-1402.11(c)(1)", "D.C. Code § 28:9-101"',
    noun: 'D.C. Code section',
    local: false,
    reportUnknown: true,
    regex: new RegExp(`\\bd\\.?\\s?c\\.?\\s*(?:official\\s+)?code(?:\\s+ann(?:otated|\\.)?)?,?\\s*(?:§§?|sec(?:tion|s?\\.)?)?\\s*${DC_NUM}${SUB}`, 'g'),
    parse: (m) => withSubsections(`dcsec:${m[1]}`, m[2] ?? ''),
    examples: {
      positive: [
        { text: 'D.C. Code § 24-211.07', key: 'dcsec:24-211.07' },
        { text: 'DC Code 24-211.07(b)(2)', key: 'dcsec:24-211.07(b)(2)' },
        { text: 'D.C. Official Code § 2-1402.11(c)(1)', key: 'dcsec:2-1402.11(c)(1)' },
        { text: 'D.C. Code § 28:9-101', key: 'dcsec:28:9-101' },
        { text: 'D.C. Code Ann. § 16-2301', key: 'dcsec:16-2301' },
        { text: 'D.C. Code § 7-1141.06a', key: 'dcsec:7-1141.06a' },
      ],
      negative: ['the D.C. code of conduct', 'DC Code 2024-25 budget', 'D.C. Code § 24.211'],
    },
  },
  {
    name: 'title-section',
    description: 'A title-dash-section number after § or "section", as the D.C. Code numbers sections: "§ 24-211.07(a)", "section 22-4001" (three or more digits after the dash)',
    noun: 'section',
    local: true,
    reportUnknown: true,
    regex: new RegExp(`(?:§§?|\\bsec(?:tion|\\.)?)\\s*${DC_NUM}${SUB}`, 'g'),
    parse: (m) => withSubsections(`dcsec:${m[1]}`, m[2] ?? ''),
    examples: {
      positive: [
        { text: '§ 24-211.07(a)', key: 'dcsec:24-211.07(a)' },
        { text: 'section 22-4001', key: 'dcsec:22-4001' },
        { text: 'under § 23-1331(3), a', key: 'dcsec:23-1331(3)' },
      ],
      negative: ['sections 3-5 of the bill', 'section 2020-2021', '§ 18.2-308', 'call 202-727-1000'],
    },
  },
  {
    name: 'case-number',
    description: 'Court case numbers: federal "0:26-cv-00190-KMM-DJF" / "25-cv-4669", state "24-CV-25-2086", Minnesota appeals "A18-2011"',
    noun: 'case',
    local: false,
    reportUnknown: true,
    regex: /\b(?:(?:\d:)?(\d{2})-cv-((?:\d{2}-)?)0*(\d{1,6})(?:-[a-z]{2,4})*|(a\d{2}-\d{3,4}))\b/g,
    parse: (m) => ({ keys: [m[4] ? `case:${m[4]}` : `case:${m[1]}-cv-${m[2]}${m[3]}`], subsection: '', baseIndex: 0 }),
    examples: {
      positive: [
        { text: '0:26-cv-00190-KMM-DJF', key: 'case:26-cv-190' },
        { text: 'No. 26-cv-190', key: 'case:26-cv-190' },
        { text: 'No. 25-cv-4669 (D. Minn.)', key: 'case:25-cv-4669' },
        { text: 'No. 24-CV-25-2086', key: 'case:24-cv-25-2086' },
        { text: 'No. A18-2011', key: 'case:a18-2011' },
      ],
      negative: ['a 26-cv engine', 'cv-190', 'A1-2011'],
    },
  },
  {
    name: 'minnesota-bill',
    description: 'Minnesota House and Senate files: "HF 16", "H.F. 16", "SF2724"',
    noun: 'bill',
    local: false,
    reportUnknown: true,
    regex: /\b([hs])\.?\s?f\.?\s?(\d{1,4})\b(?![.\d])/g,
    parse: (m) => ({ keys: [`bill:${m[1]}f${m[2]}`], subsection: '', baseIndex: 0 }),
    examples: {
      positive: [
        { text: 'HF 16', key: 'bill:hf16' },
        { text: 'H.F. 16', key: 'bill:hf16' },
        { text: 'SF2724, HF2680', key: 'bill:sf2724' },
      ],
      negative: ['SF 49ers', 'the hf radio band', 'hf 1.5 ratio'],
    },
  },
  {
    name: 'code-section',
    description: 'City code sections: "§ 19.30(a)(3)", "Sec. 19.30", "Section 19.10", "MCO 19.20"',
    noun: 'section',
    local: true,
    reportUnknown: true,
    regex: new RegExp(`(?:§§?|\\bsec(?:tion|\\.|s\\.)?|\\bmco|\\bcode\\s+§?)\\s*(\\d{1,3}\\.\\d{1,4})\\b${SUB}${SUBD}`, 'g'),
    parse: (m) => withSubsections(`sec:${m[1]}`, (m[2] ?? '') + (m[3] ?? '')),
    examples: {
      positive: [
        { text: '§ 19.30(a)(3)', key: 'sec:19.30(a)(3)' },
        { text: 'Sec. 19.30', key: 'sec:19.30' },
        { text: 'Section 19.10', key: 'sec:19.10' },
        { text: 'MCO 19.20', key: 'sec:19.20' },
        { text: '§§ 19.30', key: 'sec:19.30' },
        { text: 'Section 19.30, subd. (a)', key: 'sec:19.30(a)' },
        { text: 'section 19.30 subdivision (a)(3)', key: 'sec:19.30(a)(3)' },
      ],
      negative: ['version 19.30', 'it cost $19.30', 'Section 8 housing'],
    },
  },
  {
    name: 'bare-section',
    description: 'A selection that is only a section number: "19.10" (only when nothing else is selected)',
    noun: 'section',
    local: true,
    reportUnknown: false,
    regex: new RegExp(`^\\s*(\\d{1,3}\\.\\d{2,4})${SUB}\\s*$`, 'g'),
    parse: (m) => withSubsections(`sec:${m[1]}`, m[2] ?? ''),
    examples: {
      positive: [
        { text: '19.10', key: 'sec:19.10' },
        { text: ' 19.30(a) ', key: 'sec:19.30(a)' },
      ],
      negative: ['it costs 19.10 dollars', '2.5', '19.10.2025'],
    },
  },
  {
    name: 'pinpointed-section',
    description: 'A section number with its subsection, anywhere: "19.30(a)(3) and (a)(4)" (a price or version never has one)',
    noun: 'section',
    local: true,
    reportUnknown: false,
    regex: new RegExp(`(?<![\\d.$])\\b(\\d{1,3}\\.\\d{2,4})((?:\\([a-z0-9]{1,4}\\))+)`, 'g'),
    parse: (m) => withSubsections(`sec:${m[1]}`, m[2] ?? ''),
    examples: {
      positive: [
        { text: '19.30(a)(3) and (a)(4)', key: 'sec:19.30(a)(3)' },
        { text: 'under 19.20(b), officers', key: 'sec:19.20(b)' },
      ],
      negative: ['it cost $19.30 (a lot)', '19.30 (approx.)', 'version 2.10'],
    },
  },
  {
    name: 'chapter',
    description: 'Code chapters: "Chapter 19", "Title 2, Chapter 19", "Saint Paul Chapter 44", "ch. 268"',
    noun: 'chapter',
    local: true,
    reportUnknown: true,
    regex: /\b(?:title\s+(\d{1,3}),?\s*)?(?:chapter|ch\.)\s*(\d{1,4}[a-z]?)\b(?!\.\d)/g,
    parse: (m) => ({ keys: [`ch:${m[2]}`], subsection: '', baseIndex: 0 }),
    examples: {
      positive: [
        { text: 'Chapter 19', key: 'ch:19' },
        { text: 'Title 2, Chapter 19', key: 'ch:19' },
        { text: 'Saint Paul Chapter 44', key: 'ch:44' },
      ],
      negative: ['the next chapter of the story', 'chapter two'],
    },
  },
  {
    name: 'ordinance-number',
    description: 'Ordinance numbers: "Ordinance 26-5", "Ordinance No. 1056", "2003-Or-092"',
    noun: 'ordinance',
    local: true,
    reportUnknown: true,
    // "ORD" without a dot only before a dashed number ("ORD 26-7"), so "ord 2 chairs" is no citation.
    regex: /\b(?:(?:ordinance|ord\.)\s*(?:no\.?|number|#)?\s*(\d{1,4}(?:-(?:[a-z]{1,3}-)?\d{1,4})?)|ord\s+(\d{1,4}-\d{1,4})|(\d{4}-or-\d{1,4}))\b(?![.\d])/g,
    parse: (m) => ({ keys: [`ord:${m[1] ?? m[2] ?? m[3]}`], subsection: '', baseIndex: 0 }),
    examples: {
      positive: [
        { text: 'Ordinance 26-5', key: 'ord:26-5' },
        { text: 'Mounds View ordinance 1056', key: 'ord:1056' },
        { text: 'Ordinance No. 2025-Or-045', key: 'ord:2025-or-045' },
        { text: '2003-Or-092', key: 'ord:2003-or-092' },
        { text: 'ORD 26-7', key: 'ord:26-7' },
        { text: 'Ordinance No. 1056', key: 'ord:1056' },
      ],
      negative: ['the ordinance passed', 'an ordinance in the works', 'ordered 26 items', 'ord 2 chairs'],
    },
  },
  {
    name: 'ina-section',
    description: 'Immigration and Nationality Act sections known by their INA number: "287(g)", "INA § 287(g)"',
    noun: 'INA section',
    local: false,
    reportUnknown: true,
    regex: new RegExp(`(?<![\\d.])\\b(?:ina\\s*§?\\s*)?(\\d{3})\\s?(\\([a-z]\\)${SUB.slice(1, -1)})`, 'g'),
    // No bare "ina:287" key: 287(d) and 287(g) are different provisions, so a citation of one
    // never falls back to entries about the other.
    parse: (m) => {
      const w = withSubsections(`ina:${m[1]}`, m[2] ?? '');
      return { ...w, keys: w.keys.slice(0, -1), baseIndex: Math.max(0, w.baseIndex - 1) };
    },
    examples: {
      positive: [
        { text: '287(g)', key: 'ina:287(g)' },
        { text: 'INA § 287(g) agreements', key: 'ina:287(g)' },
      ],
      negative: ['287 people', 'call (612) 673-3000', '19.287(g)'],
    },
  },
  {
    name: 'section-number',
    description: 'A statute section without its title: "section 1373", "§ 1324(c)"',
    noun: 'section',
    local: false,
    reportUnknown: true,
    regex: new RegExp(`(?:§§?|\\bsec(?:tion|\\.))\\s*(\\d{3,5}[a-z]?)\\b(?![.\\d])${SUB}`, 'g'),
    parse: (m) => withSubsections(`secnum:${m[1]}`, m[2] ?? ''),
    examples: {
      positive: [
        { text: 'section 1373', key: 'secnum:1373' },
        { text: '§ 1324(c)', key: 'secnum:1324(c)' },
      ],
      negative: ['Section 8 housing', 'section 19.30', 'a section of the bill'],
    },
  },
];

function formKeys(series: string, num: string, suffix: string): CitationParse {
  const base = `form:${series}-${num}`;
  return suffix ? { keys: [base + suffix, base], subsection: '', baseIndex: 1 } : { keys: [base], subsection: '', baseIndex: 0 };
}
