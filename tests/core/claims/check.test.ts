/**
 * Claim check on a small pack written for the purpose: which point or exception is set beside a
 * claim, and the flags (opposite, exception, reported, not-in-force, older-text, no-match).
 */
import { describe, expect, it } from 'vitest';
import { checkClaims, type ClaimResult } from '../../../core/claims/index';
import type { Entry } from '../../../core/schema/pack';
import { buildIndex } from '../../../core/search/index';

const src = [{ id: 's1', url: 'https://example.org/a', publisher: 'City', type: 'primary' as const }];
const base = { aliases: [], dates: [], related: [], openQuestions: [], keywords: [], sources: src, jurisdiction: 'Testville' };
const pt = (text: string, confidence: 'primary' | 'reported' = 'primary', subsection?: string) => ({ text, confidence, sources: ['s1'], ...(subsection ? { subsection } : {}) });

const entries: Entry[] = [
  {
    ...base,
    id: 'police-section',
    kind: 'ordinance-section',
    title: 'Public safety services',
    citation: 'Testville Code § 9.30',
    summary: 'Police may not ask about immigration status or hold anyone for a civil immigration violation.',
    status: 'in-force',
    points: [
      pt('Police officers may not ask anyone about their immigration status.', 'primary', '(a)(1)'),
      pt('Officers may not arrest or detain anyone only for a civil immigration violation.', 'primary', '(a)(3)'),
    ],
    exceptions: [pt('Officers may help federal agents investigate drug trafficking and other serious crime.', 'primary', '(a)(4)')],
    openQuestions: ['The amended text was not available; the points above are the 2003 text.'],
  },
  {
    ...base,
    id: 'lots-order',
    kind: 'executive-order',
    title: 'Order on city parking lots',
    summary: 'City parking lots and garages may not be used to stage immigration enforcement.',
    status: 'in-force',
    points: [pt('City parking lots, ramps and garages may not be used as a staging area for immigration enforcement.')],
    exceptions: [],
  },
  {
    ...base,
    id: 'mask-bill',
    kind: 'bill',
    title: 'Bill on officer face coverings',
    summary: 'A proposed bill that would bar officers from wearing masks during enforcement.',
    status: 'failed',
    points: [pt('Would bar law enforcement officers from wearing face masks during enforcement operations.', 'reported')],
    exceptions: [],
  },
];
const index = buildIndex(entries);
const check = (text: string) => checkClaims(index, entries, text).clauses;
const one = (text: string): ClaimResult => {
  const c = check(text);
  expect(c).toHaveLength(1);
  return c[0]!;
};

describe('claim check: negation and modality', () => {
  it('sets "police may ask about status" beside the rule that says they may not, flagged opposite', () => {
    const c = one('Police may ask people about their immigration status.');
    expect(c).toMatchObject({ entry: 'police-section', match: 'point', index: 0, subsection: '(a)(1)', confidence: 'primary' });
    expect(c.flags).toContain('opposite');
    expect(c.aligned).toEqual(expect.arrayContaining(['police', 'immigration', 'status']));
  });

  it('does not flag a claim that agrees with the rule', () => {
    const c = one('Police officers may not ask about immigration status.');
    expect(c).toMatchObject({ entry: 'police-section', match: 'point', index: 0 });
    expect(c.flags).not.toContain('opposite');
  });

  it('does not flag a description as the opposite of a rule', () => {
    const c = one('The council discussed whether police ask about immigration status.');
    expect(c.entry).toBe('police-section');
    expect(c.flags).not.toContain('opposite');
  });

  it('reads "prohibits" and "shall not" as prohibitions', () => {
    expect(one('The ordinance prohibits officers from detaining anyone for a civil immigration violation.').flags).not.toContain('opposite');
    expect(one('Officers may detain people for a civil immigration violation.').flags).toContain('opposite');
  });
});

describe('claim check: exceptions', () => {
  it('lands a permission on the exception that grants it, flagged exception and not opposite', () => {
    const c = one('Police can still help federal agents investigate drug trafficking.');
    expect(c).toMatchObject({ entry: 'police-section', match: 'exception', index: 0, subsection: '(a)(4)' });
    expect(c.flags).toContain('exception');
    expect(c.flags).not.toContain('opposite');
  });
});

describe('claim check: lists and clauses', () => {
  it('checks each clause of a sentence on its own', () => {
    const c = check('City parking lots may not be used for staging immigration enforcement, but police may ask about immigration status.');
    expect(c.map((x) => x.entry)).toEqual(['lots-order', 'police-section']);
    expect(c[0]!.flags).not.toContain('opposite');
    expect(c[1]!.flags).toContain('opposite');
  });

  it('keeps a list in one claim', () => {
    const c = check('City parking lots, ramps, garages and vacant lots may not be used as staging areas.');
    expect(c).toHaveLength(1);
    expect(c[0]!.entry).toBe('lots-order');
  });

  it('gives offsets of each claim in the text', () => {
    const text = 'Police may ask about status. Parking garages may not be used for staging.';
    for (const c of check(text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('claim check: flags from the entry', () => {
  it('flags a failed bill as not in force and a press-only point as reported', () => {
    const c = one('Officers are barred from wearing face masks during enforcement operations.');
    expect(c.entry).toBe('mask-bill');
    expect(c.flags).toEqual(expect.arrayContaining(['not-in-force', 'reported']));
  });

  it('flags points that describe an older text (open question fallback)', () => {
    expect(one('Officers may not detain anyone for a civil immigration violation.').flags).toContain('older-text');
    expect(one('City garages may not be used as a staging area.').flags).not.toContain('older-text');
  });

  it('uses textVersion when the entry has one', () => {
    const withVersion = entries.map((e) => (e.id === 'lots-order' ? { ...e, textVersion: { describes: '2024 text', amended: '2025-12-11', amendedTextAvailable: false } } : e));
    const c = checkClaims(buildIndex(withVersion), withVersion, 'City garages may not be used as a staging area.').clauses[0]!;
    expect(c.flags).toContain('older-text');
  });

  it('says no-match when nothing in the pack speaks to the claim', () => {
    const c = one('The governor activated the National Guard after the storm.');
    expect(c).toMatchObject({ entry: null, match: 'none', matched: '', confidence: null, flags: ['no-match'] });
  });
});
