/**
 * Claim check on the labelled claim set: claims from real pages (the seeds and the sentences of
 * ../shared/eval/real-dev.jsonl), stored in tests/eval/claims.jsonl as references only (file,
 * line, character offsets) and read from ../shared at run time. Labelled before any tuning.
 *
 * The issue's floors are entry ≥ 0.90, point ≥ 0.75 and precision ≥ 0.90 for the `opposite` and
 * `exception` flags. They are NOT all reached: the thresholds below are what the check reaches on
 * this set (measured, see the report printed by this test and the closing note of issue 10), so a
 * change that makes it worse fails here. Raise them as the check improves; never lower them to
 * make a change pass.
 *
 * Measured 2026-12-01: on the pack as it was when the set was labelled (commit 70a4b15), entry
 * 0.81 and point 0.75 (before tuning: 0.68 and 0.61); on pack 1.1, which added 26 entries, entry
 * 0.80 and point 0.72. Fifteen claims carry `extendedFor`: their labels were extended to entries
 * and points that pack 1.1 added (the National Guard deployment, the Freeborn 287(g) suit, the DHS
 * sanctuary list, EO 14287, the AG's sensitive-locations guidance, the administrative stay, Border
 * Patrol; the reported MPD limits, the City's recording advice, Saint Paul's mask ordinance text),
 * decided by reading those entries and points; seven had been labelled "nothing in the pack".
 * Decision 0012's third round extended three more to pack 1.1 points that restate them and had
 * been missed (term-dhs#P3 and #P4, mpls-charter-7.1#P1), and added five claims for the
 * `opposite` flag's precision (claims that permit or ask; none contradicts the pack).
 *
 * Since decision 0012 the set is split by page (tune 77 / test 46) and tuned on tune only. After
 * the exception gate and modality work: tune entry 0.77 / point 0.73 (was 0.75 / 0.70), test
 * 0.87 / 0.78 (was 0.87 / 0.76), exception flag precision 1.00 on one labelled claim (was 0.33).
 * After hedges left out of claim terms: tune 0.78 / 0.74, test 0.87 / 0.78, all 0.81 / 0.76.
 *
 * Inside its paragraph: each claim is also checked the way a reader selecting the whole paragraph
 * gets it (one check of the paragraph; the clause overlapping the claim is scored). Before the
 * line-break and clause splits of decision 0012's second round: all entry 0.79 / point 0.66; after:
 * 0.83 / 0.72.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../core/search/index';
import { bundledEntries } from '../../support/bundled';
import { evaluateClaims, loadClaimSet, summarizeClaims } from '../../../scripts/lib/claim-eval';

const SHARED = join(import.meta.dirname, '../../../../shared');
const set = loadClaimSet(join(import.meta.dirname, '../../eval/claims.jsonl'));
const entries = bundledEntries();

/** The issue's floors (not all reached; see the module comment). */
export const ISSUE_FLOORS = { entry: 0.9, point: 0.75, oppositePrecision: 0.9, exceptionPrecision: 0.9 };
/** What the check reaches on this set and pack (asserted; the split is decision 0012's). */
const REACHED = { entry: 0.82, point: 0.76 };
/**
 * Test split: 0.89 / 0.80 on its 46 claims before decision 0012's third round; the three claims
 * that round added to it (for the opposite flag: a question and two whose subject is a pronoun)
 * bring it to 0.857 / 0.755 on 49. Measured, not read claim by claim.
 */
const REACHED_TEST = { entry: 0.85, point: 0.75 };
/**
 * The same set, each claim checked inside its paragraph (eval-claims --paragraphs): point 0.72 on
 * the 119 claims before the third round, 0.718 with the five it added (124); 0.726 after the
 * fourth round's splits ("but,", "and to limit …", a colon before a sentence, ", with … -ing").
 */
const REACHED_PARAGRAPH = { entry: 0.83, point: 0.72 };

describe('claim check on the labelled claim set', () => {
  it('reads every claim from ../shared', () => {
    expect(existsSync(SHARED), `${SHARED} is missing: the claim set is read from it at run time`).toBe(true);
    expect(set.length).toBeGreaterThanOrEqual(80);
  });

  const report = evaluateClaims(set, buildIndex(entries), entries, SHARED);
  const pct = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
  const summary = [
    `claims ${report.claims} (unreadable ${report.missing}, stale point labels ${report.stalePoints}); entry ${pct(report.entryAccuracy)} (floor ${ISSUE_FLOORS.entry}); point ${pct(report.pointAccuracy)} on ${report.pointClaims} (floor ${ISSUE_FLOORS.point})`,
    ...Object.entries(report.flags).map(([f, s]) => `${f}: precision ${pct(s.precision)} recall ${pct(s.recall)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`),
  ].join('\n');
  // Misses of the tune split only: the test split is measured, never read claim by claim (decision 0012).
  const misses = report.rows
    .filter((r) => r.split === 'tune' && (!r.entryOk || r.pointOk === false))
    .map((r) => `${r.claim.file}:${r.claim.line} [${r.claim.start},${r.claim.end}) → ${r.got.entry ?? 'none'} ${r.got.match} ${r.got.index ?? ''} (expected ${r.claim.points[0] ?? r.claim.entries[0] ?? 'none'})`)
    .join('\n');
  const perSplit = (['tune', 'test'] as const).map((split) => {
    const s = summarizeClaims(report.rows.filter((r) => r.split === split));
    return { split, ...s, line: `${split}: ${s.claims} claims, entry ${pct(s.entryAccuracy)}, point ${pct(s.pointAccuracy)} on ${s.pointClaims}` };
  });
  console.log(`claim set:\n${summary}\n${perSplit.map((s) => s.line).join('\n')}`);

  it('finds every labelled claim in the shared text', () => {
    expect(report.missing).toBe(0);
  });

  it(`sets the right entry beside at least ${REACHED.entry} of the claims`, () => {
    expect(report.entryAccuracy, `${summary}\n${misses}`).toBeGreaterThanOrEqual(REACHED.entry);
  });

  it(`sets the right point or exception beside at least ${REACHED.point} of the claims that have one`, () => {
    expect(report.pointAccuracy, `${summary}\n${misses}`).toBeGreaterThanOrEqual(REACHED.point);
  });

  it(`on the test split (never tuned on), entry ≥ ${REACHED_TEST.entry} and point ≥ ${REACHED_TEST.point}`, () => {
    const test = perSplit.find((s) => s.split === 'test')!;
    expect(test.claims).toBeGreaterThan(30);
    expect(test.entryAccuracy, test.line).toBeGreaterThanOrEqual(REACHED_TEST.entry);
    expect(test.pointAccuracy, test.line).toBeGreaterThanOrEqual(REACHED_TEST.point);
  });

  it(`inside its paragraph (one check per paragraph, as a reader selecting it gets), entry ≥ ${REACHED_PARAGRAPH.entry} and point ≥ ${REACHED_PARAGRAPH.point}`, () => {
    const inParagraphs = evaluateClaims(set, buildIndex(entries), entries, SHARED, 'paragraph');
    const line = `in paragraphs: entry ${pct(inParagraphs.entryAccuracy)}, point ${pct(inParagraphs.pointAccuracy)} on ${inParagraphs.pointClaims}`;
    expect(inParagraphs.missing, line).toBe(0);
    expect(inParagraphs.entryAccuracy, line).toBeGreaterThanOrEqual(REACHED_PARAGRAPH.entry);
    expect(inParagraphs.pointAccuracy, line).toBeGreaterThanOrEqual(REACHED_PARAGRAPH.point);
    expect(inParagraphs.flags.exception.fp, line).toBe(0);
    // Opposite: none on the tune split; one on the test split since the third round added claims
    // that permit or ask (decision 0012; a test-split claim, so not read one by one).
    const tuneOpposite = summarizeClaims(inParagraphs.rows.filter((r) => r.split === 'tune')).flags.opposite;
    expect(tuneOpposite.fp, line).toBe(0);
    expect(inParagraphs.flags.opposite.fp, line).toBeLessThanOrEqual(1);
  });

  it('flags an exception only where the labels allow it', () => {
    expect(report.flags.exception.fp, summary).toBe(0);
  });

  it('never calls a claim the opposite of the pack where the labels say it is not', () => {
    // No claim in this set contradicts the pack (real pages describe the rules they cite), so any
    // `opposite` here is a false alarm; five claims that permit or ask were added for it (0012,
    // third round). Its recall is measured on claims written for the purpose (opposite-table).
    expect(report.flags.opposite.fp, summary).toBe(0);
  });

  it('flags press-only points with precision ≥ 0.85 and recall ≥ 0.85', () => {
    expect(report.flags.reported.precision ?? 0, summary).toBeGreaterThanOrEqual(0.85);
    expect(report.flags.reported.recall ?? 0, summary).toBeGreaterThanOrEqual(0.85);
  });
});
