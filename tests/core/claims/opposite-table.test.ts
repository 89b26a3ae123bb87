/**
 * Table test, claims written for the purpose: how well the `opposite` flag is raised (precision
 * and recall), since the real claim set has no claim that contradicts the pack (decision 0012,
 * third round). Each row is labelled by reading the pack below, before running the check: is the
 * claim set against a point that forbids what it permits, or permits what it forbids?
 *
 * The negatives are the ways a permission or prohibition is not a contradiction: the same rule in
 * other words, a bar on bars ("no entity may restrict an official from sharing …" protects
 * sharing), a question ("Can police ask …?"), the case an exception allows, a permission of
 * another paper (a judicial warrant, not an administrative one), a failed bill described as such.
 */
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../../core/claims/index';
import type { Entry } from '../../../core/schema/pack';
import { buildIndex } from '../../../core/search/index';

const src = [{ id: 's1', url: 'https://example.org/a', publisher: 'City', type: 'primary' as const }];
const base = { aliases: [], dates: [], related: [], openQuestions: [], keywords: [], sources: src, jurisdiction: 'Testville', exceptions: [] };
const pt = (text: string) => ({ text, confidence: 'primary' as const, sources: ['s1'] });

const entries: Entry[] = [
  {
    ...base,
    id: 'status-rule',
    kind: 'ordinance-section',
    title: 'City staff and immigration status',
    summary: 'City police may not ask about immigration status, and city lots are not for immigration staging.',
    status: 'in-force',
    points: [pt('Police officers may not ask anyone about their immigration status.'), pt('City parking lots may not be used as a staging area for immigration enforcement.')],
    exceptions: [pt('Officers may ask about status when it is an element of the crime being investigated.')],
  },
  {
    ...base,
    id: 'sharing-law',
    kind: 'statute',
    title: 'Communication with immigration authorities',
    summary: 'A federal law that protects sharing status information with federal authorities.',
    status: 'in-force',
    points: [pt('The statute bars state and local governments from prohibiting or restricting their officials from sharing immigration-status information with federal authorities.')],
  },
  {
    ...base,
    id: 'warrants',
    kind: 'term',
    title: 'Administrative and judicial warrants',
    summary: 'Which warrant lets agents into a home.',
    status: 'term',
    points: [pt('An administrative warrant does not authorize agents to enter a home without consent.'), pt('A judicial warrant signed by a judge authorizes agents to enter a home.')],
  },
  {
    ...base,
    id: 'detainer-opinion',
    kind: 'legal-opinion',
    title: 'Opinion on immigration detainers',
    summary: 'Jails may not keep people on detainers alone.',
    status: 'in-force',
    points: [pt('Jails may not hold a person on an immigration detainer once the person would otherwise be released.')],
  },
  {
    ...base,
    id: 'sanctuary-bill',
    kind: 'bill',
    title: 'Sanctuary state bill',
    summary: 'A state bill that failed.',
    status: 'failed',
    points: [pt('Would have barred jails from holding anyone on an immigration detainer.')],
  },
];
const index = buildIndex(entries);

/** [claim, entry it is about, should it be flagged opposite] */
const rows: [string, string, boolean][] = [
  ['Police can ask people about their immigration status.', 'status-rule', true],
  ['Immigration agents are allowed to use city parking lots as a staging area.', 'status-rule', true],
  ['Jails may hold people on immigration detainers after they would otherwise be released.', 'detainer-opinion', true],
  ['Agents can enter a home with an administrative warrant.', 'warrants', true],
  // A permission to bar: the opposite in substance, but read as a permission beside a permission.
  ['Cities may bar their officials from sharing immigration-status information with federal authorities.', 'sharing-law', true],
  ['Police cannot ask about immigration status.', 'status-rule', false],
  ['Officials can share immigration-status information with federal authorities.', 'sharing-law', false],
  ['Can police ask about immigration status?', 'status-rule', false],
  ['The council asked whether jails can hold people on immigration detainers.', 'detainer-opinion', false],
  ['Officers may ask about status when it is an element of the crime.', 'status-rule', false],
  ['Agents can enter a home with a judicial warrant signed by a judge.', 'warrants', false],
  ['The bill would have barred jails from holding anyone on an immigration detainer.', 'sanctuary-bill', false],
];

describe('the opposite flag on claims written for the purpose', () => {
  const got = rows.map(([claim]) => checkClaims(index, entries, claim).clauses[0]!);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  rows.forEach(([, , want], i) => {
    const has = got[i]!.flags.includes('opposite');
    if (want && has) tp++;
    else if (has) fp++;
    else if (want) fn++;
  });
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  console.log(`opposite table: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn})`);

  it.each(rows.map((r, i) => [...r, i] as const))('%s → %s', (_claim, entry, _want, i) => {
    expect(got[i]!.entry, got[i]!.matched).toBe(entry);
  });

  it('never raises it where the claim does not contradict the point (precision 1.0)', () => {
    expect(fp, rows.filter(([, , w], i) => !w && got[i]!.flags.includes('opposite')).map(([c]) => c).join('\n')).toBe(0);
  });

  it('raises it on four of the five contradictions (a permission to bar reads as a permission)', () => {
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
