import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../support/bundled';
import { REQUIRED_IDS } from './required-ids';

// The real bundled packs, compiled from content/ exactly as the build compiles them.
const packs = bundledPacks();
const entries = packs.flatMap((p) => p.entries);
const byId = new Map(entries.map((e) => [e.id, e]));

describe('the bundled Minneapolis pack', () => {
  it('compiles and validates (schema and integrity)', () => {
    expect(packs.map((p) => p.id)).toContain('minneapolis');
  });

  it('has every id PACK-SPEC.md requires', () => {
    expect(REQUIRED_IDS.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('has at least 80 entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(80);
  });

  it('gives every entry at least one http(s) source URL', () => {
    expect(entries.filter((e) => !e.sources.some((s) => /^https?:\/\//.test(s.url))).map((e) => e.id)).toEqual([]);
  });

  it('gives every point and exception a confidence and a source', () => {
    const bad = entries.flatMap((e) =>
      [...e.points, ...e.exceptions].filter((p) => !['primary', 'reported'].includes(p.confidence) || !p.sources.length).map(() => e.id),
    );
    expect(bad).toEqual([]);
  });

  it('links every term to an existing entry that is not itself a term first', () => {
    const terms = entries.filter((e) => e.kind === 'term');
    expect(terms.length).toBeGreaterThanOrEqual(28);
    for (const t of terms) {
      expect(t.related.length, t.id).toBeGreaterThan(0);
      expect(t.related.every((id) => byId.has(id)), t.id).toBe(true);
    }
  });

  it('keeps summaries short: one or two sentences a reader grasps in five seconds', () => {
    const long = entries.filter((e) => e.summary.length > 320 || (e.summary.match(/[.!?](\s|$)/g) ?? []).length > 3).map((e) => e.id);
    expect(long).toEqual([]);
  });

  it('states the unknown as open questions, not facts: the 2025 amendment has no ordinance number', () => {
    const amendment = byId.get('mpls-ch19-2025')!;
    expect(amendment.openQuestions.join(' ')).toMatch(/ordinance number/i);
    expect(JSON.stringify(amendment.points)).not.toMatch(/2025-Or-\d/);
  });

  it('marks press-only facts as reported: the 13-0 vote and the FBI/ATF carve-out', () => {
    const amendment = byId.get('mpls-ch19-2025')!;
    const all = [...amendment.points, ...amendment.exceptions, ...amendment.dates];
    const fbi = all.filter((p) => /FBI|ATF/.test('text' in p ? p.text : p.what));
    expect(fbi.length).toBeGreaterThan(0);
    expect(fbi.every((p) => p.confidence === 'reported')).toBe(true);
  });

  it('shows exceptions beside the rule for § 19.30', () => {
    expect(byId.get('mpls-19.30')!.exceptions.length).toBeGreaterThanOrEqual(2);
  });
});
