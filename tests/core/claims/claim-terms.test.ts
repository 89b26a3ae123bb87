/**
 * Table tests, claims written for the purpose (decision 0012, third round): words that news and
 * the pack write differently are read alike ("10th" / "Tenth", "liable" / "liability", "federal
 * grants" / "federal funding"); a report as the source of a statement ("was reported to", "news
 * reports said") is not what the statement is about; a person's name weighs less than what the
 * claim says they did (nameTerms; weighed half in check.ts); a bill that never passed steps aside for the law in force unless the claim
 * speaks of bills.
 */
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../../core/claims/index';
import { claimTerms, nameTerms } from '../../../core/claims/terms';
import type { Entry } from '../../../core/schema/pack';
import { buildIndex } from '../../../core/search/index';

describe('claim terms', () => {
  it.each([
    ['The suit relies on the 10th Amendment.', 'The suit relies on the Tenth Amendment.'],
    ['Jailers can be held liable.', 'Jailers face liability.'],
    ['The order sought to cut federal grants.', 'The order risked federal funding.'],
  ])('reads %j and %j alike where they differ in spelling', (a, b) => {
    const shared = claimTerms(a).terms.filter((t) => claimTerms(b).terms.includes(t));
    expect(shared.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['A federal court was reported to have blocked the order.'],
    ['News reports said the department opened an investigation.'],
    ['Per the same report, officers leave once the scene is safe.'],
  ])('leaves out "report" used as a source in %j', (text) => {
    expect(claimTerms(text).terms).not.toContain('report');
  });

  it.each([['The city must report violations.'], ['Departments file new reports to the Mayor.']])('keeps "report" as subject matter in %j', (text) => {
    expect(claimTerms(text).terms).toContain('report');
  });

  it('finds the names a title introduces, and nothing else', () => {
    expect([...nameTerms('Mayor Jacob Frey issued an order.')]).toEqual(['jacob', 'frey']);
    expect([...nameTerms('In 2017, then-President Trump signed an order.')]).toEqual(['trump']);
    expect([...nameTerms("The Attorney General's opinion says detainers are requests.")]).toEqual([]);
    expect([...nameTerms('The Justice Department sued the state.')]).toEqual([]);
  });
});

const src = [{ id: 's1', url: 'https://example.org/a', publisher: 'City', type: 'primary' as const }];
const base = { aliases: [], dates: [], related: [], openQuestions: [], keywords: [], sources: src, jurisdiction: 'Testville', exceptions: [] };
const pt = (text: string) => ({ text, confidence: 'primary' as const, sources: ['s1'] });

// The same point in a failed bill and in a rule in force, the bill listed first (the tie would go to it).
const entries: Entry[] = [
  { ...base, id: 'detainer-bill', kind: 'bill', status: 'failed', title: 'Detainer measure', summary: 'A measure on detainers.', points: [pt('Jails may not hold anyone on an immigration detainer.')] },
  { ...base, id: 'detainer-rule', kind: 'ordinance', status: 'in-force', title: 'Detainer measure', summary: 'A measure on detainers.', points: [pt('Jails may not hold anyone on an immigration detainer.')] },
  { ...base, id: 'jail', kind: 'term', status: 'term', title: 'Jail', summary: 'A jail.', points: [pt('The county runs the jail.')] },
];
const index = buildIndex(entries);
const one = (text: string) => checkClaims(index, entries, text).clauses[0]!;

describe('a bill that never passed', () => {
  it('steps aside for the rule in force beside a claim that states the rule', () => {
    const c = one('Jails cannot hold people on immigration detainers.');
    expect(c.entry).toBe('detainer-rule');
    expect(c.flags).not.toContain('not-in-force');
  });

  it('is set beside a claim about the bill, flagged not in force', () => {
    const c = one('The bill would bar jails from holding people on immigration detainers.');
    expect(c.entry).toBe('detainer-bill');
    expect(c.flags).toContain('not-in-force');
  });
});
