/**
 * `lens lookup`'s output for people: per query, each answer's title, citation, match label and
 * why it matched in words; with `--explain`, the scoring detail (score, how found, the ranking
 * signals and every matched field) that tuning needs.
 */
import type { Entry } from '../../core/schema/pack';
import type { HitSignals, LookupHit, LookupResult } from '../../core/search/index';
import { MATCH_LABEL, whyMatched } from './lookup-words';
import { shortCite } from '../../core/format/citation';

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function signalsLine(s: HitSignals): string {
  return `coverage ${s.coverage.toFixed(2)} (all words ${s.coverageAll.toFixed(2)}), relative ${s.relative.toFixed(2)}, margin ${s.margin.toFixed(2)}, whole ${yesNo(s.whole)}, named ${yesNo(s.named)}, cited ${yesNo(s.cited)}, page context ×${s.context.toFixed(2)}`;
}

function explainLines(h: LookupHit): string[] {
  const fields = h.matched.map((m) => `${m.field}${m.index !== undefined ? `[${m.index}]` : ''}: ${m.terms.join(', ')}`).join('; ');
  return [
    `     score ${h.score} (${h.confidence}, found by ${h.via}); id ${h.id}`,
    ...(h.signals ? [`     signals: ${signalsLine(h.signals)}`] : []),
    `     fields: ${fields || '(none)'}`,
  ];
}

function hitLines(h: LookupHit, n: number, entry: Entry | undefined, explain: boolean): string[] {
  // The cite as the card copies it (the pinpoint joined to a section, never repeated).
  const cite = entry?.citation ? shortCite({ entry, pinpoint: h.pinpoint }) : (h.citation ?? '(no citation)');
  return [`  ${n}. ${h.title}`, `     ${cite} · ${MATCH_LABEL[h.confidence]} · lens show ${h.id}`, `     ${whyMatched(h, entry)}`, ...(explain ? explainLines(h) : [])];
}

function headline(r: LookupResult): string {
  if (r.results.length) return `${r.results.length} answer${r.results.length > 1 ? 's' : ''}`;
  // The card's words for "no answer" (components/LookupAnswer.tsx).
  return r.headline === 'possible' ? 'possible matches. None is a clear answer; read the entry before you cite it.' : 'nothing in this pack covers this.';
}

const titles = (hs: readonly LookupHit[]) => hs.map((h) => `${h.title} (${h.id})`).join('; ');

export function printReadable(r: LookupResult, ms: number, byId: ReadonlyMap<string, Entry>, explain: boolean): void {
  const detail = explain ? `  (${r.mode} lookup, ${ms.toFixed(1)} ms)` : '';
  console.log(`"${r.query}": ${headline(r)}${r.truncated ? ' (only the first part of this long text was read)' : ''}${detail}`);
  for (const u of r.unknownCitations) console.log(`  ! ${u.message}`);
  // With no answer but possible matches, the closest few are shown as the card shows them.
  const listed = r.results.length ? r.results : r.headline === 'possible' ? r.others.slice(0, 3) : [];
  listed.forEach((h, i) => console.log(hitLines(h, i + 1, byId.get(h.id), explain).join('\n')));
  const rest = r.others.filter((h) => !listed.includes(h));
  if (rest.length) console.log(`  ${r.results.length ? 'also close' : 'share words with it, unconfirmed'}: ${titles(rest)}`);
  console.log('');
}
