/**
 * Scoring for labelled queries (`{"q", "expect", "kind"}` per line, as in
 * tests/eval/dev-queries.jsonl): hit@1, hit@3 and MRR for queries with an expected entry, and
 * the share of `expect: []` queries answered with no result. Shared by `lens eval` and the
 * accuracy test, so both count the same way.
 */
import { readFileSync } from 'node:fs';

export interface Labelled {
  q: string;
  expect: string[];
  kind: string;
}

export interface Tally {
  n: number;
  hit1: number;
  hit3: number;
  rr: number;
  neg: number;
  negOk: number;
}

export const emptyTally = (): Tally => ({ n: 0, hit1: 0, hit3: 0, rr: 0, neg: 0, negOk: 0 });

export function readLabelled(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

/** Adds one query's outcome: `got` is the ids answered, best first. */
export function score(t: Tally, expect: string[], got: string[]): void {
  if (!expect.length) {
    t.neg++;
    if (!got.length) t.negOk++;
    return;
  }
  t.n++;
  const rank = got.findIndex((id) => expect.includes(id));
  if (rank === 0) t.hit1++;
  if (rank >= 0 && rank < 3) t.hit3++;
  if (rank >= 0) t.rr += 1 / (rank + 1);
}

export const rates = (t: Tally) => ({
  hit1: t.n ? t.hit1 / t.n : 0,
  hit3: t.n ? t.hit3 / t.n : 0,
  mrr: t.n ? t.rr / t.n : 0,
  noAnswer: t.neg ? t.negOk / t.neg : 1,
});

/** Per match label of the first answer: how many were shown and how many were right. */
export type Reliability = Map<string, { n: number; right: number }>;

/** Counts the first answer under its label: right when it is an expected entry (never, for a query that expects nothing). */
export function reliability(rel: Reliability, expect: string[], first: { id: string; confidence: string } | undefined): void {
  if (!first) return;
  const t = rel.get(first.confidence) ?? { n: 0, right: 0 };
  t.n++;
  if (expect.includes(first.id)) t.right++;
  rel.set(first.confidence, t);
}
