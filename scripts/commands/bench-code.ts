/**
 * `lens bench-code [--pack FILE] [--json]`: the engine on a real code beside the synthetic
 * 20,000 entries. Without --pack it unpacks the D.C. Code from ../shared/corpora into a temporary
 * folder and converts it (timed); with --pack it reads an imported pack file.
 *
 * Per pack: conversion time and pack size (D.C. only), validation time, index build time,
 * prebuilt index size, index ready (JSON.parse + loadIndex), heap retained by the loaded index,
 * and lookup p50/p95/max for terms (titles), citations and sentences (a point's first sentence
 * with a reporter's tail), each kind warmed up on other queries first. Queries are seeded, so
 * runs compare; figures vary with the machine's load (2 shared cores here).
 */
import { readFileSync } from 'node:fs';
import { rng, gc, mem } from '../lib/bench-kit';
import { dcLawXml } from '../../core/import/dc-law-xml';
import { validatePackText } from '../../core/schema/validate';
import type { Entry } from '../../core/schema/pack';
import { buildIndex, loadIndex, lookup, serializeIndex } from '../../core/search/index';
import { DC_PUBLISHED, unpackDcCorpus } from '../lib/dc-corpus';
import { diskFolder } from '../lib/source-folder';
import { syntheticEntries } from './bench';
import { runCommand, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const r2 = (x: number) => Math.round(x * 100) / 100;
const MB = (n: number) => r2(n / 1e6);


const KINDS = ['term', 'citation', 'sentence'] as const;
type Kind = (typeof KINDS)[number];

/** Seeded queries from the entries themselves, the same recipe for both packs. */
function queriesFor(entries: readonly Entry[], seed: number, n = 100): Record<Kind, string[]> {
  const r = rng(seed);
  const live = entries.filter((e) => e.citation && e.points.length && e.points[0]!.text.split(' ').length >= 6);
  const pick = () => live[Math.floor(r() * live.length)]!;
  const firstSentence = (t: string) => t.split(/(?<=[.;:])\s/)[0]!.split(' ').slice(0, 30).join(' ');
  return {
    term: Array.from({ length: n }, () => pick().title.toLowerCase()),
    citation: Array.from({ length: n }, () => pick().citation!.replace(/^Code /, '')),
    sentence: Array.from({ length: n }, () => `${firstSentence(pick().points[0]!.text).replace(/[.;:]$/, '')}, officials said.`),
  };
}

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 1000) / 1000;
  return { p50: at(0.5), p95: at(0.95), max: at(1), n: s.length };
}

/** CPU milliseconds (user + system) of this process: on a shared machine, wall time includes waiting. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measure(entries: Entry[]) {
  gc();
  let t0 = performance.now();
  let c0 = cpuMs();
  const built = buildIndex(entries);
  const indexBuildMs = performance.now() - t0;
  const indexBuildCpuMs = cpuMs() - c0;
  const serialized = JSON.stringify(serializeIndex(built));
  gc();
  const before = mem();
  t0 = performance.now();
  const index = loadIndex(JSON.parse(serialized) as Parameters<typeof loadIndex>[0], entries);
  const indexReadyMs = performance.now() - t0;
  t0 = performance.now();
  lookup(index, 'a first lookup after loading');
  const firstLookupMs = performance.now() - t0;
  const warm = queriesFor(entries, 99, 20);
  for (const k of KINDS) for (const q of warm[k]) lookup(index, q);
  const qs = queriesFor(entries, 7);
  const kinds = {} as Record<Kind, ReturnType<typeof stats>>;
  const kindsCpu = {} as Record<Kind, ReturnType<typeof stats>>;
  for (const k of KINDS) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (const q of qs[k]) {
      const s = performance.now();
      const c = cpuMs();
      lookup(index, q);
      cpu.push(cpuMs() - c);
      wall.push(performance.now() - s);
    }
    kinds[k] = stats(wall);
    kindsCpu[k] = stats(cpu);
  }
  gc();
  const heapMB = MB(mem() - before);
  return { entries: entries.length, indexBuildMs: r2(indexBuildMs), indexBuildCpuMs: r2(indexBuildCpuMs), kindsCpu, indexMB: MB(serialized.length), indexReadyMs: r2(indexReadyMs), firstLookupMs: r2(firstLookupMs), heapMB, kinds };
}

const spec = {
  name: 'bench-code',
  synopsis: '[--pack FILE] [--json]',
  summary: 'a real code (the D.C. Code, converted from the corpora in the shared folder unless --pack is given) beside 20,000 synthetic entries: conversion, sizes, index build, lookup p95',
  positionals: false,
  options: {
    pack: { type: 'string', value: 'FILE', help: 'measure this pack file instead of converting the D.C. Code' },
    json: { type: 'boolean', help: 'print the figures as JSON' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) => runCommand(spec, args, (v) => benchCode(v.pack, !!v.json)),
};

function benchCode(file: string | undefined, json: boolean): number {
  const out: Record<string, unknown> = {};
  let text: string;
  if (file) {
    text = readFileSync(file, 'utf8');
    out.conversion = { from: file };
  } else {
    let t0 = performance.now();
    const corpus = unpackDcCorpus();
    const unpackMs = performance.now() - t0;
    try {
      t0 = performance.now();
      const result = dcLawXml.convert(diskFolder(corpus.dir), { id: 'dc-code', title: 'Code of the District of Columbia', jurisdiction: 'District of Columbia', asOf: DC_PUBLISHED });
      const convertMs = performance.now() - t0;
      t0 = performance.now();
      text = JSON.stringify(result.pack);
      out.conversion = { sections: result.report.sections, unpackMs: r2(unpackMs), convertMs: r2(convertMs), stringifyMs: r2(performance.now() - t0) };
    } finally {
      corpus.remove();
    }
  }
  gc();
  const heap0 = mem();
  let t0 = performance.now();
  const v = validatePackText(text);
  const validateMs = performance.now() - t0;
  if (!v.ok) {
    console.error('the pack does not validate');
    return 1;
  }
  // The parsed entries themselves (the text is alive at both readings), apart from the index.
  gc();
  out.entriesHeapMB = MB(mem() - heap0);
  out.packMB = MB(Buffer.byteLength(text));
  out.validateMs = r2(validateMs);
  text = '';
  const real = measure(v.pack.entries);
  const synthetic = measure(syntheticEntries(20000, 20000));
  const res = { ...out, real, synthetic };
  if (json) {
    console.log(JSON.stringify(res));
    return 0;
  }
  const c = out.conversion as Record<string, number | string>;
  if (c.sections) console.log(`conversion: ${c.sections} section files unpacked in ${c.unpackMs} ms, converted in ${c.convertMs} ms, serialized in ${c.stringifyMs} ms`);
  console.log(`pack: ${out.packMB} MB, validated in ${out.validateMs} ms; its parsed entries take ${out.entriesHeapMB} MB of heap`);
  for (const [name, m] of [['real code', real], ['synthetic', synthetic]] as const) {
    console.log(`\n${name}: ${m.entries} entries; index build ${m.indexBuildMs} ms (CPU ${m.indexBuildCpuMs} ms), prebuilt index ${m.indexMB} MB, ready ${m.indexReadyMs} ms (parse + load), first lookup ${m.firstLookupMs} ms, heap ${m.heapMB} MB`);
    for (const k of KINDS) console.log(`  ${k.padEnd(9)} wall p50 ${m.kinds[k].p50}  p95 ${m.kinds[k].p95}  max ${m.kinds[k].max} ms; CPU p50 ${m.kindsCpu[k].p50}  p95 ${m.kindsCpu[k].p95} ms (n=${m.kinds[k].n})`);
  }
  return 0;
}
