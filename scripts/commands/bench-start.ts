/**
 * `lens bench-start --pack FILE [--runs N] [--json]`: the first lookup after a worker stop with a
 * large pack stored (the D.C. Code: decision 0011), step by step, in Node. The pack is indexed
 * once here; then each run is a fresh process (scripts/lib/start-steps.ts) that deserializes the
 * stored brief and index as IndexedDB would hand them over and answers "D.C. Code § 24-211.07",
 * alternating the start before the columns (`objects`: one object per entry, stubs, caches on
 * the first lookup) and the columns (`columns`), so both are measured in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { parsePack } from '../../core/schema/parse-pack';
import { slimEntry } from '../../core/pack/slim';
import { toColumns } from '../../core/pack/columns';
import { createLookupService } from '../../lib/lookup-service';
import { toIndexBytes } from '../../lib/storage/stored-index-bytes';
import { loadBundledPacks } from '../lib/bundled-packs';
import { START_QUERY } from '../lib/start-steps';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const STEPS = ['briefMs', 'indexMs', 'stubsMs', 'serviceMs', 'firstLookupMs', 'secondLookupMs', 'totalMs'] as const;
const STEP_NAMES: Record<(typeof STEPS)[number], string> = {
  briefMs: 'deserialize the brief',
  indexMs: 'deserialize the index',
  stubsMs: 'entries (stubs / lazy list)',
  serviceMs: 'service: tables, fingerprint, index load',
  firstLookupMs: 'first lookup (ranking)',
  secondLookupMs: 'shown entries whole, second lookup',
  totalMs: 'start to answer',
};

/** Writes what IndexedDB would hold for `file` into `dir`; returns the files per path. */
function prepare(file: string, dir: string) {
  const parsed = parsePack(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file} is not a valid pack`);
  const pack = parsed.data;
  const service = createLookupService(loadBundledPacks());
  service.setUserPacks([pack]);
  const index = service.storedIndex();
  const view = service.lookup(START_QUERY, { citationStyle: 'short' });
  const ids = new Set([...view.result.results, ...view.result.others].map((h) => h.id));
  const put = (name: string, data: string | Buffer) => {
    writeFileSync(join(dir, name), data);
    return join(dir, name);
  };
  const common = {
    ...(() => {
      const { head, shards } = toIndexBytes(index);
      return { index: put('index.v8', serialize(head)), shards: put('shards.v8', serialize(shards)) };
    })(),
    pack: put('pack.json', JSON.stringify({ ...pack, entries: undefined })),
    shown: put('shown.json', JSON.stringify(pack.entries.filter((e) => ids.has(e.id)))),
  };
  return {
    objects: { ...common, brief: put('objects.v8', serialize(pack.entries.map(slimEntry))) },
    columns: { ...common, brief: put('columns.v8', serialize(toColumns(pack.entries))) },
    briefBytes: { objects: serialize(pack.entries.map(slimEntry)).length, columns: serialize(toColumns(pack.entries)).length },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

function benchStart(file: string | undefined, runs: number, json: boolean): number {
  if (!file) throw new UsageError('--pack FILE is required (a pack made by lens import-code)');
  const dir = mkdtempSync(join(tmpdir(), 'lens-start-'));
  try {
    const files = prepare(file, dir);
    const child = join(import.meta.dirname, '../lib/start-steps.ts');
    const results: Record<'objects' | 'columns', Record<string, number>[]> = { objects: [], columns: [] };
    const load = [loadavg()[0]!];
    for (let r = 0; r < runs; r++) {
      for (const path of ['objects', 'columns'] as const) {
        const f = files[path];
        const out = execFileSync(process.execPath, [...process.execArgv, child, path, f.brief, f.index, f.pack, f.shown, f.shards], { encoding: 'utf8' });
        results[path].push(JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>);
      }
      load.push(loadavg()[0]!);
    }
    const summary = Object.fromEntries(
      (['objects', 'columns'] as const).map((p) => [p, Object.fromEntries(STEPS.map((s) => [s, { median: median(results[p].map((x) => x[s]!)), min: Math.min(...results[p].map((x) => x[s]!)), max: Math.max(...results[p].map((x) => x[s]!)) }]))]),
    );
    const report = { pack: file, runs, briefBytes: files.briefBytes, loadAverage: { min: Math.min(...load), max: Math.max(...load) }, summary, results };
    if (json) console.log(JSON.stringify(report, null, 2));
    else printTable(report);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(r: { runs: number; briefBytes: Record<string, number>; loadAverage: { min: number; max: number }; summary: Record<string, Record<string, { median: number; min: number; max: number }>> }): void {
  console.log(`${r.runs} fresh processes per path; load average ${r.loadAverage.min.toFixed(1)}–${r.loadAverage.max.toFixed(1)}; brief ${(r.briefBytes.objects! / 1e6).toFixed(1)} MB as objects, ${(r.briefBytes.columns! / 1e6).toFixed(1)} MB as columns (V8 serialized)`);
  console.log(`${'step (ms: median, min–max)'.padEnd(44)}${'objects (before)'.padEnd(24)}columns`);
  const cell = (x: { median: number; min: number; max: number }) => `${x.median.toFixed(1)} (${x.min.toFixed(1)}–${x.max.toFixed(1)})`;
  for (const s of STEPS) console.log(`${STEP_NAMES[s].padEnd(44)}${cell(r.summary.objects![s]!).padEnd(24)}${cell(r.summary.columns![s]!)}`);
}

const spec = {
  name: 'bench-start',
  synopsis: '--pack FILE [--runs N] [--json]',
  summary: 'the first lookup after a worker stop with a large pack stored, step by step, before (one object per entry) and with the columns',
  positionals: false,
  options: {
    pack: { type: 'string', value: 'FILE', help: 'the large pack (e.g. made by lens import-code)' },
    runs: { type: 'string', value: 'N', help: 'fresh processes per path (default 5)' },
    json: { type: 'boolean', help: 'print every run as JSON' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) =>
    runCommand(spec, args, (v) => {
      const runs = v.runs === undefined ? 5 : Number(v.runs);
      if (!Number.isInteger(runs) || runs < 1) throw new UsageError('--runs takes a whole number of at least 1');
      return benchStart(v.pack, runs, !!v.json);
    }),
};
