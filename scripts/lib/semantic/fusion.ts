/**
 * Fuses a semantic signal with the engine's final scores for the measurement in
 * scripts/measure-semantic.ts, and scores a setting the way `lens eval` does (eval-metrics.ts).
 * The engine decides whether there is an answer and how many; the signal may only reorder.
 */
import { emptyTally, rates, reliability, score, type Reliability, type Tally } from '../eval-metrics';

export interface Candidate {
  id: string;
  score: number;
  confidence: string;
}

/** One labelled selection and what the engine answered (answers first, then weaker candidates). */
export interface Looked {
  expect: string[];
  kind: string;
  passage: boolean;
  answers: Candidate[];
  others: Candidate[];
}

export interface Fusion {
  /** Weight of the signal beside the engine's score (normalized to the best candidate's). */
  w: number;
  /** Reorder the answers only, or let a weaker candidate among the top 10 take an answer's place. */
  scope: 'answers' | 'top10';
  /** Which selections the signal may reorder: all, sentences and passages only, or those whose first answer is not Strong. */
  only: 'all' | 'passages' | 'unsure';
}

/** The answers after fusion: same count as the engine's, best first. */
export function fused(l: Looked, signal: Map<string, number>, f: Fusion): Candidate[] {
  if (!l.answers.length || (f.only === 'passages' && !l.passage) || (f.only === 'unsure' && l.answers[0]!.confidence === 'high')) return l.answers;
  const pool = f.scope === 'answers' ? l.answers : [...l.answers, ...l.others].sort((a, b) => b.score - a.score).slice(0, 10);
  const top = Math.max(...pool.map((c) => c.score)) || 1;
  const value = (c: Candidate) => c.score / top + f.w * (signal.get(c.id) ?? 0);
  return [...pool].sort((a, b) => value(b) - value(a)).slice(0, l.answers.length);
}

/** (c) the signal as a gate: no answer when the first answer's similarity to the selection is below `tau` (passages only, or all). */
export function gated(l: Looked, signal: Map<string, number>, tau: number, passagesOnly: boolean): Candidate[] {
  if (!l.answers.length || (passagesOnly && !l.passage)) return l.answers;
  return (signal.get(l.answers[0]!.id) ?? 1) < tau ? [] : l.answers;
}

export interface Figures {
  all: Tally;
  sentence: Tally;
  rel: Reliability;
}

/** Tallies answers per row (hit@1, hit@3, sentences, no-answer, label reliability). */
export function tallyOf(rows: { l: Looked; answers: Candidate[] }[]): Figures {
  const fig: Figures = { all: emptyTally(), sentence: emptyTally(), rel: new Map() };
  for (const { l, answers } of rows) {
    const ids = answers.map((c) => c.id);
    score(fig.all, l.expect, ids);
    if (l.kind === 'sentence') score(fig.sentence, l.expect, ids);
    reliability(fig.rel, l.expect, answers[0]);
  }
  return fig;
}

/** "0.843  0.893  0.750   27/34  0.95 (63)  0.76 (97)  - (0)": hit@1 hit@3 sentences no-answer, then precision (n) of Strong, Likely, Possible first answers. */
export function line(fig: Figures): string {
  const r = rates(fig.all);
  const strong = fig.rel.get('high') ?? { n: 0, right: 0 };
  const likely = fig.rel.get('medium') ?? { n: 0, right: 0 };
  const possible = fig.rel.get('low') ?? { n: 0, right: 0 };
  const p = (t: { n: number; right: number }) => (t.n ? (t.right / t.n).toFixed(2) : '-');
  return `${r.hit1.toFixed(3)}  ${r.hit3.toFixed(3)}  ${rates(fig.sentence).hit1.toFixed(3)}  ${`${fig.all.negOk}/${fig.all.neg}`.padStart(6)}  ${p(strong)} (${strong.n})  ${p(likely)} (${likely.n})  ${p(possible)} (${possible.n})`;
}

/**
 * Where the expected entry of each missed positive was: the most a reranker of the engine's
 * candidates could win (second or third answer, among the weaker candidates, or nowhere).
 */
export function ceiling(looked: Looked[]): string {
  const c = { laterAnswer: 0, other: 0, absent: 0, noAnswer: 0 };
  for (const l of looked) {
    if (!l.expect.length || l.expect.includes(l.answers[0]?.id ?? '')) continue;
    const inList = (xs: Candidate[]) => xs.slice(0, 10).some((x) => l.expect.includes(x.id));
    if (!l.answers.length) c.noAnswer++;
    if (inList(l.answers)) c.laterAnswer++;
    else if (inList(l.others)) c.other++;
    else if (l.answers.length) c.absent++;
  }
  return `missed positives: expected entry a later answer ${c.laterAnswer}, among weaker candidates ${c.other}, not a candidate ${c.absent}; no answer at all ${c.noAnswer}`;
}

/** Selections of a set whose first answer turned right (+) or wrong (−) against the engine's own order. */
export function flips(looked: Looked[], after: Candidate[][]): string {
  let won = 0;
  let lost = 0;
  looked.forEach((l, i) => {
    const right = (xs: Candidate[]) => (l.expect.length ? l.expect.includes(xs[0]?.id ?? '') : !xs.length);
    if (right(after[i]!) && !right(l.answers)) won++;
    if (!right(after[i]!) && right(l.answers)) lost++;
  });
  return `+${won} −${lost}`;
}
