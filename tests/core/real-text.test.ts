/**
 * Real text, measured on the TEST split of ../shared/eval/real-dev.jsonl (split by page, rule in
 * docs/decisions/0004-real-text-evaluation.md; the ranking is never tuned on it). The figures
 * asserted are what the engine reaches today (2026-12-01), as regression guards: the issue's
 * floors hit@1 0.90, hit@3 0.97, sentences 0.85, no-answer 0.95 and Likely 0.75 are NOT yet
 * met (Strong ≥ 0.95 is), and decision 0004 lists the gap. Raise these as the engine improves; never lower them quietly.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, lookup } from '../../core/search/index';
import { bundledEntries } from '../support/bundled';
import { emptyTally, rates, reliability, score, type Reliability } from '../../scripts/lib/eval-metrics';
import { readRealSet, REAL_SET } from '../../scripts/lib/real-eval';

describe('the real-page set is where CI expects it', () => {
  it('exists beside the clone (../shared/eval/real-dev.jsonl)', () => expect(existsSync(REAL_SET)).toBe(true));
});

describe('answers on real pages (test split, with page context)', () => {
  const index = buildIndex(bundledEntries());
  const rows = existsSync(REAL_SET) ? readRealSet().filter((r) => r.split === 'test') : [];
  const all = emptyTally();
  const sentences = emptyTally();
  const rel: Reliability = new Map();
  const misses: string[] = [];
  for (const r of rows) {
    const res = lookup(index, r.text, { limit: 5, context: { text: r.context, title: r.title, url: r.url } });
    const got = res.results.map((h) => h.id);
    score(all, r.expect, got);
    if (r.kind === 'sentence') score(sentences, r.expect, got);
    reliability(rel, r.expect, res.results[0]);
    const ok = r.expect.length ? r.expect.includes(got[0] ?? '') : !got.length;
    if (!ok) misses.push(`line ${r.line} [${r.kind}] → ${got[0] ?? '(nothing)'} (expected ${r.expect.join(', ') || 'nothing'})`);
  }
  const r = rates(all);
  const why = misses.join('\n');

  it('reads a test split of real selections', () => {
    expect(all.n).toBeGreaterThan(60);
    expect(all.neg).toBeGreaterThan(10);
  });
  it('puts the expected entry first for at least 78% and in the top 3 for at least 85%', () => {
    expect(r.hit1, why).toBeGreaterThanOrEqual(0.78);
    expect(r.hit3, why).toBeGreaterThanOrEqual(0.85);
  });
  it('answers at least 70% of copied sentences with the expected entry first', () => {
    expect(rates(sentences).hit1, why).toBeGreaterThanOrEqual(0.7);
  });
  it('answers at least 80% of off-topic selections and pack gaps with nothing', () => {
    expect(r.noAnswer, why).toBeGreaterThanOrEqual(0.8);
  });
  it('is right at least 95% of the times it says "Strong match", and more often than when it says "Likely"', () => {
    const strong = rel.get('high')!;
    const likely = rel.get('medium') ?? { n: 0, right: 0 };
    expect(strong.n).toBeGreaterThan(20);
    expect(strong.right / strong.n, why).toBeGreaterThanOrEqual(0.95);
    if (likely.n) expect(strong.right / strong.n).toBeGreaterThan(likely.right / likely.n);
  });
});
