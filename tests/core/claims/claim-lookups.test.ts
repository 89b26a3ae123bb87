/**
 * The engine's answers a claim check reads, asked apart from the check (claimLookups) so that a
 * caller can read the entries they name first (lib/claims-whole.ts): the check given them answers
 * exactly as the check that asks itself, and namedEntryIds lists each claim's answers rank by rank.
 */
import { describe, expect, it } from 'vitest';
import { checkClaims, claimLookups, namedEntryIds } from '../../../core/claims/index';
import { buildIndex } from '../../../core/search/index';
import { bundledEntries } from '../../support/bundled';

const entries = bundledEntries();
const index = buildIndex(entries);
const TEXTS = [
  'Police may not ask anyone about their immigration status.',
  'The city will not hold people for ICE. Officers can still work with the FBI.',
  'The city will not hold people for ICE. Officers can still work with the FBI. Sheriffs may honor detainers. The jail released him. It rained.',
];

describe('claimLookups', () => {
  it('gives the check the answers it would ask for itself', () => {
    for (const text of TEXTS) expect(checkClaims(index, entries, text, {}, claimLookups(index, text))).toEqual(checkClaims(index, entries, text));
  });

  it('asks about each of three claims, and once about a longer passage', () => {
    expect(claimLookups(index, TEXTS[1]!)).toMatchObject({ each: [expect.anything(), expect.anything()], truncated: false });
    const passage = claimLookups(index, TEXTS[2]!, { maxClauses: 4 });
    expect(passage.passage).toBeDefined();
    expect(passage.each).toBeUndefined();
    expect(passage.truncated).toBe(true);
  });

  it('names each claim\'s answers rank by rank, each once', () => {
    const l = claimLookups(index, TEXTS[1]!);
    const [a, b] = l.each!.map((r) => [...r.hits.keys()]);
    const named = namedEntryIds(l);
    // Both claims' best answers come first, before either claim's second.
    expect(named[0]).toBe(a![0]);
    expect(named.indexOf(b![0]!)).toBeLessThanOrEqual(1);
    expect(new Set(named)).toEqual(new Set([...a!, ...b!]));
    expect(new Set(named).size).toBe(named.length);
  });
});
