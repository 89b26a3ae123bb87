/** Before and after on the bundled pack: Chapter 19 and its December 2025 update, the MPD policy and its 2025 update. */
import { describe, expect, it } from 'vitest';
import { beforeAfterFor, beforeAfterIds } from '../../../core/timeline/before-after';
import { bundledEntries } from '../../support/bundled';

const entries = bundledEntries();

describe('before and after', () => {
  it('exists for Chapter 19, its sections and the MPD policy', () => {
    expect(beforeAfterIds(entries)).toEqual(expect.arrayContaining(['mpls-ch19', 'mpls-19.30', 'mpd-immigration-policy']));
  });

  it('sets the 2003 sections of Chapter 19 beside the December 2025 update, unknown where the amended text is missing', () => {
    const v = beforeAfterFor(entries, 'mpls-ch19')!;
    expect(v).toMatchObject({ beforeLabel: '2003 text', changedOn: '2025-12-11', afterTextAvailable: false, afterEntryId: 'mpls-ch19-2025' });
    const before = v.rows.filter((r) => r.before);
    expect(before.length).toBeGreaterThan(5);
    // Never "unchanged": a provision whose later text we lack is unknown unless a source says it stays.
    for (const r of before) expect(['unknown', 'kept']).toContain(r.change);
    expect(before.filter((r) => r.change === 'unknown').length).toBeGreaterThan(before.length / 2);
    const kept = v.rows.find((r) => r.change === 'kept' && r.before);
    expect(kept?.before?.subsection).toBe('(a)(4)');
    expect(kept?.after?.text).toMatch(/exception stays/);
    const added = v.rows.filter((r) => r.change === 'added').map((r) => r.after!.text);
    expect(added.some((t) => /staging/.test(t))).toBe(true);
    expect(added.some((t) => /trained/.test(t))).toBe(true);
    // How the vote went is not a provision.
    expect(v.rows.some((r) => /13-0|unanimous/.test(r.after?.text ?? ''))).toBe(false);
  });

  it('opens the same view from the amendment', () => {
    expect(beforeAfterFor(entries, 'mpls-ch19-2025')?.id).toBe('mpls-ch19');
  });

  it('sets the historic MPD policy beside its January 2025 update', () => {
    const v = beforeAfterFor(entries, 'mpd-immigration-policy')!;
    expect(v.changedOn).toBe('2025-01-16');
    expect(v.rows.filter((r) => r.before).every((r) => r.change === 'unknown' || r.change === 'compare')).toBe(true);
    expect(v.rows.some((r) => r.before && /historic policy/.test(r.before.text))).toBe(true);
    expect(v.rows.some((r) => r.after && /January 16, 2025 update/.test(r.after.text))).toBe(true);
  });

  it('has nothing for an entry that was never amended', () => {
    expect(beforeAfterFor(entries, 'term-staging-area')).toBeUndefined();
    expect(beforeAfterFor(entries, 'no-such-entry')).toBeUndefined();
  });
});
