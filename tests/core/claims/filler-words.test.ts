/**
 * Table tests: the words a claim is compared on leave out hedges and discourse words ("certain",
 * "explicitly", "reportedly"). They are rare in a pack's points, so they weighed like subject
 * matter and set a point beside a claim that shared nothing else with it.
 */
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../../core/claims/index';
import { claimTerms } from '../../../core/claims/terms';
import type { Entry } from '../../../core/schema/pack';
import { buildIndex } from '../../../core/search/index';

const src = [{ id: 's1', url: 'https://example.org/a', publisher: 'City', type: 'primary' as const }];
const base = { aliases: [], dates: [], related: [], openQuestions: [], keywords: [], sources: src, jurisdiction: 'Testville', status: 'in-force' as const, exceptions: [] };
const pt = (text: string, confidence: 'primary' | 'reported' = 'primary') => ({ text, confidence, sources: ['s1'] });

const entries: Entry[] = [
  { ...base, id: 'detention-act', kind: 'statute', title: 'Detention act', summary: 'Federal custody of some people charged with theft.', points: [pt('Agents must hold certain people charged with theft, explicitly including shoplifting.')] },
  { ...base, id: 'data-order', kind: 'executive-order', title: 'Order on city data', summary: 'City staff may not share data with immigration agents.', points: [pt('City staff reportedly may not share residents’ data with immigration agents.', 'reported')] },
  { ...base, id: 'report-rule', kind: 'ordinance-section', title: 'Yearly reports', summary: 'The city publishes yearly reports on enforcement requests.', points: [pt('The city must publish a yearly report on each enforcement request it receives.')] },
];
const index = buildIndex(entries);
const one = (text: string) => checkClaims(index, entries, text).clauses[0]!;

describe('claim terms leave out hedges', () => {
  it.each([
    ['certain', 'The council named certain parks.'],
    ['explicit', 'The order explicitly names parks.'],
    ['report', 'Parks reportedly closed.'],
    ['whether', 'Nobody knows whether parks closed.'],
  ])('drops "%s" from %j', (stem, text) => {
    expect(claimTerms(text).terms).not.toContain(stem);
  });

  it('reads "constructor" as a word, not as the name of a built-in', () => {
    expect(claimTerms('The constructor filed a lawsuit.').terms).toEqual(['constructor', 'file', 'lawsuit']);
  });

  it('keeps "report" when the claim is about a report', () => {
    expect(claimTerms('The city publishes a report.').terms).toContain('report');
  });
});

describe('claim check does not match on hedges alone', () => {
  it('sets nothing beside a claim that shares only "certain" and "explicitly" with a point', () => {
    const c = one('Certain voters explicitly backed the mayor in the primary election.');
    expect(c.entry).toBeNull();
    expect(c.flags).toContain('no-match');
  });

  it('sets the report rule, not a press-only point that is "reportedly" so, beside a claim about reports', () => {
    const c = one('The city must publish a report on enforcement requests.');
    expect(c.entry).toBe('report-rule');
  });
});
