/**
 * `lens eval-claims [--split tune|test|all] [--paragraphs] [--verbose]`: claim check on the labelled claim set
 * (tests/eval/claims.jsonl, read from ../shared at run time), split by page with the rule of
 * decision 0004 (see decision 0012). Prints entry and point accuracy and flag precision/recall for
 * tune, test and all. `--verbose` lists the misses of the tune split only: the test split is
 * measured, never read claim by claim while tuning. `--paragraphs` checks each claim inside the
 * paragraph it was read in (one check per paragraph, as a reader selecting it gets) and scores the
 * clause of that check that overlaps the claim.
 */
import { join } from 'node:path';
import { buildIndex } from '../../core/search/index';
import { evaluateClaims, loadClaimSet, summarizeClaims, type ClaimEvalMode, type ClaimEvalRow } from '../lib/claim-eval';
import { bundledEntries } from './lookup';
import type { Command } from './types';
import { oneOf, runCommand, type CommandSpec } from '../lib/cli-args';

const ROOT = join(import.meta.dirname, '../..');
const pct = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));

function line(label: string, rows: ClaimEvalRow[]): string {
  const s = summarizeClaims(rows);
  const flags = Object.entries(s.flags)
    .map(([f, v]) => `${f} P ${pct(v.precision)} R ${pct(v.recall)} (${v.tp}/${v.fp}/${v.fn})`)
    .join('; ');
  return `${label.padEnd(5)} claims ${s.claims}  entry ${pct(s.entryAccuracy)}  point ${pct(s.pointAccuracy)} (n=${s.pointClaims})\n      flags tp/fp/fn: ${flags}`;
}

function miss(r: ClaimEvalRow): string {
  const g = r.got;
  const ok = r.entryOk ? (r.pointOk === false ? 'POINT' : 'flags') : 'ENTRY';
  return `${ok} ${r.claim.file}:${r.claim.line} "${r.text}"\n   got ${g.entry ?? 'none'} ${g.match}${g.index ?? ''} [${g.flags.join(',')}] "${g.matched.slice(0, 110)}"\n   want ${r.claim.points.slice(0, 3).join(' | ') || r.claim.entries.slice(0, 3).join(' | ') || 'none'} [${r.claim.flags.join(',')}] either [${r.claim.flagsEither.join(',')}]`;
}

function flagsWrong(r: ClaimEvalRow): boolean {
  return r.got.flags.some((f) => !r.claim.flags.includes(f) && !r.claim.flagsEither.includes(f)) || r.claim.flags.some((f) => !r.got.flags.includes(f));
}

const spec = {
  name: 'eval-claims',
  synopsis: '[--split tune|test|all] [--paragraphs] [--verbose]',
  summary: 'claim check on the labelled claim set (tests/eval/claims.jsonl): entry, point and flag precision/recall per split (decision 0012)',
  positionals: false,
  options: {
    split: { type: 'string', value: 'tune|test|all', help: 'print one split only (default: tune, test and all)' },
    paragraphs: { type: 'boolean', help: 'check each claim inside its paragraph (one check per paragraph) instead of alone' },
    verbose: { type: 'boolean', help: 'list the misses of the tune split (never of test)' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) => runCommand(spec, args, (v) => evalClaims(v.split === undefined ? undefined : oneOf(v.split, '--split', ['tune', 'test', 'all'] as const, 'all'), !!v.verbose, v.paragraphs ? 'paragraph' : 'claim')),
};

function evalClaims(only: 'tune' | 'test' | 'all' | undefined, verbose: boolean, mode: ClaimEvalMode): number {
  const entries = bundledEntries();
  const report = evaluateClaims(loadClaimSet(join(ROOT, 'tests/eval/claims.jsonl')), buildIndex(entries), entries, join(ROOT, '../shared'), mode);
  console.log(`claim set${mode === 'paragraph' ? ', each checked inside its paragraph' : ''}: ${report.claims} claims read (unreadable ${report.missing}, stale point labels ${report.stalePoints})`);
  for (const split of ['tune', 'test', 'all'] as const) {
    if (only && only !== split) continue;
    console.log(line(split, split === 'all' ? report.rows : report.rows.filter((r) => r.split === split)));
  }
  if (verbose) {
    for (const r of report.rows.filter((r) => r.split === 'tune' && (!r.entryOk || r.pointOk === false || flagsWrong(r)))) console.log(miss(r));
  }
  return 0;
}
