/**
 * Table tests, claims written for the purpose: which side of a rule a claim sits on (may / may
 * not / bars / cannot / unless / only / except), and when an exception is set beside a claim:
 * only when the claim states the exception's case, not when it shares a few words with it, and
 * never when the claim forbids what the exception permits (it states the rule).
 */
import { describe, expect, it } from 'vitest';
import { checkClaims, type ClaimFlag } from '../../../core/claims/index';
import type { Entry } from '../../../core/schema/pack';
import { buildIndex } from '../../../core/search/index';

const src = [{ id: 's1', url: 'https://example.org/a', publisher: 'City', type: 'primary' as const }];
const base = { aliases: [], dates: [], related: [], openQuestions: [], keywords: [], sources: src, jurisdiction: 'Testville', exceptions: [] };
const pt = (text: string) => ({ text, confidence: 'primary' as const, sources: ['s1'] });

const entries: Entry[] = [
  {
    ...base,
    id: 'separation-section',
    kind: 'ordinance-section',
    title: 'Separation of city services from immigration enforcement',
    summary: 'City police and staff may not ask about immigration status or hold anyone for a civil immigration violation.',
    status: 'in-force',
    points: [
      pt('Police officers and city staff may not ask anyone about their immigration status.'),
      pt('Officers may not arrest or detain anyone for a civil immigration violation.'),
      pt('City staff may not share data with immigration agents.'),
    ],
    exceptions: [pt('Officers may help federal agents investigate drug trafficking and other serious crime.')],
  },
  {
    ...base,
    id: 'term-criminal-carve-out',
    kind: 'term',
    title: 'Criminal carve-out',
    summary: 'The part of the separation section that still lets police help federal agents with criminal investigations.',
    status: 'term',
    // A term that restates the exception as its point: an exception in substance.
    points: [pt('Nothing in the section stops police from helping federal agents investigate criminal activity by people who may also be civil immigration violators.')],
  },
  {
    ...base,
    id: 'lots-order',
    kind: 'executive-order',
    title: 'Order on city parking lots',
    summary: 'City parking lots and garages may not be used to stage immigration enforcement.',
    status: 'in-force',
    points: [pt('City parking lots, ramps and garages may not be used as a staging area for immigration enforcement.')],
  },
];
const index = buildIndex(entries);

interface Row {
  claim: string;
  entry: string;
  match: 'point' | 'exception';
  index?: number;
  has: ClaimFlag[];
  lacks: ClaimFlag[];
}

const rows: Row[] = [
  // Permission against a prohibition: beside the rule, flagged opposite.
  { claim: 'Police may ask people about their immigration status.', entry: 'separation-section', match: 'point', index: 0, has: ['opposite'], lacks: ['exception'] },
  { claim: 'Officers are allowed to question residents about their immigration status.', entry: 'separation-section', match: 'point', index: 0, has: ['opposite'], lacks: ['exception'] },
  { claim: 'Police can detain people for a civil immigration violation.', entry: 'separation-section', match: 'point', index: 1, has: ['opposite'], lacks: ['exception'] },
  { claim: 'City staff are free to share data with immigration agents.', entry: 'separation-section', match: 'point', index: 2, has: ['opposite'], lacks: ['exception'] },
  // The same rule stated with other negations: beside it, not opposite.
  { claim: 'The ordinance bars police from asking about immigration status.', entry: 'separation-section', match: 'point', index: 0, has: [], lacks: ['opposite', 'exception'] },
  { claim: 'Officers shall not detain anyone solely for a civil immigration violation.', entry: 'separation-section', match: 'point', index: 1, has: [], lacks: ['opposite', 'exception'] },
  { claim: 'City staff cannot share data with immigration agents.', entry: 'separation-section', match: 'point', index: 2, has: [], lacks: ['opposite', 'exception'] },
  { claim: 'The section prohibits officers from detaining people for a civil immigration violation.', entry: 'separation-section', match: 'point', index: 1, has: [], lacks: ['opposite', 'exception'] },
  // A rule that names its exception ("unless", "except") is still the rule.
  { claim: 'Police cannot ask about immigration status unless they are investigating a serious crime.', entry: 'separation-section', match: 'point', index: 0, has: [], lacks: ['opposite', 'exception'] },
  { claim: 'Officers may not detain anyone for a civil immigration violation, except in a criminal investigation.', entry: 'separation-section', match: 'point', index: 1, has: [], lacks: ['opposite', 'exception'] },
  // A claim that bars what the carve-out permits states the rule, even when it names the case.
  {
    claim: 'The section bars police from helping immigration agents, including investigating people whose only alleged violation is being in the country unlawfully.',
    entry: 'separation-section',
    match: 'point',
    has: [],
    lacks: ['opposite', 'exception'],
  },
  // Claims that state the exception's case land on it.
  { claim: 'Police can still help federal agents investigate drug trafficking.', entry: 'separation-section', match: 'exception', index: 0, has: ['exception'], lacks: ['opposite'] },
  { claim: 'Officers may assist federal agents investigating serious crime such as drug trafficking.', entry: 'separation-section', match: 'exception', index: 0, has: ['exception'], lacks: ['opposite'] },
  // Sharing a word or two with the exception ("federal agents") is not stating its case.
  { claim: 'Federal agents asked police officers about immigration status.', entry: 'separation-section', match: 'point', index: 0, has: [], lacks: ['exception', 'opposite'] },
];

describe('claim check table: modality, negation and exceptions', () => {
  it.each(rows)('$claim', (row) => {
    const res = checkClaims(index, entries, row.claim).clauses;
    expect(res).toHaveLength(1);
    const c = res[0]!;
    expect({ entry: c.entry, match: c.match }, c.matched).toEqual({ entry: row.entry, match: row.match });
    if (row.index !== undefined) expect(c.index, c.matched).toBe(row.index);
    for (const f of row.has) expect(c.flags).toContain(f);
    for (const f of row.lacks) expect(c.flags).not.toContain(f);
  });
});
