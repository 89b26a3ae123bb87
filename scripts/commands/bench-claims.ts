/**
 * `lens bench-claims [--json] [--runs N]`: claim check of a 150-word paragraph (about eight
 * claims) on the seeded synthetic packs of 2,000 and 20,000 entries that `lens bench` uses, and
 * on the bundled pack. Prints p50 / p95 / max in ms over N paragraphs (each a different seeded
 * paragraph, after 20 warm-up checks). Index build and the one-time point statistics (built on
 * first use per pack, like the index) are reported apart: they are start-up costs, not per check.
 * CPU time per check is printed beside wall time: on a loaded machine wall time mostly measures
 * the wait for a core.
 */
import { buildIndex } from '../../core/search/index';
import { rng } from '../lib/bench-kit';
import { checkClaims } from '../../core/claims/index';
import { termStats } from '../../core/claims/term-stats';
import type { Entry } from '../../core/schema/pack';
import { syntheticEntries } from './bench';
import { bundledEntries } from './lookup';
import { runCommand, wholeNumber, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';
import { cpus, loadavg } from 'node:os';
import { latencyStats } from '../lib/percentile';


const GLUE = ['officers may not', 'the city must', 'police can still', 'the ordinance prohibits', 'staff may', 'the council said', 'nothing in the chapter stops', 'the department will'];

/** A paragraph of about `words` words: sentences of pack words after a modal or a subject, some joined by "but" and "and". */
export function paragraph(entries: readonly Entry[], seed: number, words = 150): string {
  const r = rng(seed);
  const pool: string[] = [];
  for (let i = 0; i < 40; i++) {
    const e = entries[Math.floor(r() * entries.length)]!;
    const p = e.points[Math.floor(r() * e.points.length)] ?? { text: e.summary };
    pool.push(...p.text.toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter((w) => w.length > 2));
  }
  const out: string[] = [];
  let n = 0;
  while (n < words) {
    const len = 12 + Math.floor(r() * 10);
    const body = Array.from({ length: len }, () => pool[Math.floor(r() * pool.length)]!);
    const joint = r() < 0.3 ? `, but ${GLUE[Math.floor(r() * GLUE.length)]} ` : ' ';
    const cut = Math.floor(len / 2);
    const s = `${GLUE[Math.floor(r() * GLUE.length)]} ${body.slice(0, cut).join(' ')}${joint}${body.slice(cut).join(' ')}.`;
    out.push(s[0]!.toUpperCase() + s.slice(1));
    n += s.split(/\s+/).length;
  }
  return out.join(' ');
}

const stats = (times: number[]) => latencyStats(times, 2);

function benchPack(label: string, entries: Entry[], runs: number) {
  let t = performance.now();
  const index = buildIndex(entries);
  const indexBuildMs = Math.round(performance.now() - t);
  t = performance.now();
  termStats(entries);
  const pointStatsMs = Math.round(performance.now() - t);
  for (let i = 0; i < 20; i++) checkClaims(index, entries, paragraph(entries, 10_000 + i));
  const texts = Array.from({ length: runs }, (_, i) => paragraph(entries, i + 1));
  const times: number[] = [];
  const cpu: number[] = [];
  let claims = 0;
  for (const text of texts) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = checkClaims(index, entries, text);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    claims += res.clauses.length;
  }
  const words = Math.round(texts.reduce((a, x) => a + x.split(/\s+/).length, 0) / texts.length);
  return { pack: label, entries: entries.length, indexBuildMs, pointStatsMs, wordsPerParagraph: words, claimsPerParagraph: Math.round((claims / texts.length) * 10) / 10, checkMs: stats(times), cpuMs: stats(cpu) };
}

const spec = {
  name: 'bench-claims',
  synopsis: '[--json] [--runs N]',
  summary: 'claim check of a 150-word paragraph on the bundled pack and synthetic 2,000 and 20,000-entry packs: wall and CPU p50/p95',
  positionals: false,
  options: {
    json: { type: 'boolean', help: 'print the figures as JSON' },
    runs: { type: 'string', value: 'N', help: 'paragraphs per pack (a whole number, at least 20; default 200)' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) => runCommand(spec, args, (v) => benchClaims(wholeNumber(v.runs, '--runs', 200, 20), !!v.json)),
};

function benchClaims(runs: number, json: boolean): number {
  const rows = [benchPack('bundled', bundledEntries(), runs), benchPack('synthetic 2,000', syntheticEntries(2000), runs), benchPack('synthetic 20,000', syntheticEntries(20_000), runs)];
  if (json) {
    console.log(JSON.stringify({ target: { p95Ms: 20, entries: 20_000, words: 150 }, rows }, null, 2));
    return 0;
  }
  console.log(`claim check of a ~150-word paragraph, ${runs} paragraphs per pack (target: p95 ≤ 20 ms at 20,000 entries)`);
  // On a shared machine wall time includes waiting for a core; CPU time is what the check costs.
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  for (const r of rows) {
    console.log(
      `${r.pack.padEnd(17)} ${String(r.entries).padStart(6)} entries  wall p50 ${r.checkMs.p50} / p95 ${r.checkMs.p95} / max ${r.checkMs.max} ms  cpu p50 ${r.cpuMs.p50} / p95 ${r.cpuMs.p95} ms  (${r.wordsPerParagraph} words, ${r.claimsPerParagraph} claims; index ${r.indexBuildMs} ms, point stats ${r.pointStatsMs} ms once)`,
    );
  }
  return 0;
}
