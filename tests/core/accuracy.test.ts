/**
 * Ranking quality on the real bundled pack, over the labelled queries (a snapshot of
 * ../shared/eval/dev-queries.jsonl): the targets, so a change that makes readers see the
 * wrong law first fails here. `npm run lens -- eval tests/eval/dev-queries.jsonl` prints the
 * per-kind table and the fuse.js baseline.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, lookup } from '../../core/search/index';
import { bundledEntries } from '../support/bundled';
import { emptyTally, rates, readLabelled, score } from '../../scripts/lib/eval-metrics';

const rows = readLabelled(join(import.meta.dirname, '../eval/dev-queries.jsonl'));
const entries = bundledEntries();
const index = buildIndex(entries);

describe('answers on the labelled queries', () => {
  const all = emptyTally();
  const misses: string[] = [];
  for (const row of rows) {
    const got = lookup(index, row.q, { limit: 5 }).results.map((h) => h.id);
    score(all, row.expect, got);
    const ok = row.expect.length ? row.expect.includes(got[0] ?? '') : got.length === 0;
    if (!ok) misses.push(`[${row.kind}] ${row.q.slice(0, 80)} → ${got[0] ?? '(nothing)'} (expected ${row.expect.join(', ') || 'nothing'})`);
  }
  const r = rates(all);

  it('puts the expected entry first for at least 92% and in the top 3 for at least 98%', () => {
    expect(all.n).toBeGreaterThan(50);
    expect(r.hit1, misses.join('\n')).toBeGreaterThanOrEqual(0.92);
    expect(r.hit3, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('answers at least 90% of unrelated queries with nothing', () => {
    expect(all.neg).toBeGreaterThan(0);
    expect(r.noAnswer, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
