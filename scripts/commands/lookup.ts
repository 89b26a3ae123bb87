import { readFileSync } from 'node:fs';
import { orReport } from '../lib/or-report';
import { buildIndex, lookup, setPackSizes, type LookupResult, type PageContext } from '../../core/search/index';
import type { Entry } from '../../core/schema/pack';
import { loadBundledPacks } from '../lib/bundled-packs';
import { packsInOrder } from '../lib/extra-packs';
import { runCommand, UsageError, wholeNumber, type CommandSpec, type OptionValues } from '../lib/cli-args';
import { printReadable } from '../lib/lookup-print';
import type { Command } from './types';

/**
 * The bundled packs' entries, loaded strictly: when content/ does not validate, this throws with
 * every problem listed (see scripts/lib/bundled-packs.ts), so a bad pack fails clearly instead
 * of half-loading. LENS_CONTENT_DIR points it at another content folder (to compare pack versions).
 */
export function bundledEntries(contentDir = process.env.LENS_CONTENT_DIR || undefined): Entry[] {
  const entries = loadBundledPacks(contentDir).flatMap((p) => p.entries);
  if (!entries.length) throw new Error('lens: the bundled packs have no entries');
  return entries;
}

interface Query {
  text: string;
  context?: PageContext;
  /** Why this input line could not be read (it is answered with an error line). */
  error?: string;
}

/** One `--jsonl` line: {"text", "context"?, "title"?, "url"?}; a string says what is wrong with it. */
function parseJsonlQuery(line: string): Query | string {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (err) {
    return `not valid JSON (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!o || typeof o !== 'object' || typeof (o as { text?: unknown }).text !== 'string') return 'expected an object with a "text" string';
  const { text, context, title, url } = o as Record<string, unknown>;
  const ctx: PageContext = {};
  if (typeof context === 'string') ctx.text = context;
  if (typeof title === 'string') ctx.title = title;
  if (typeof url === 'string') ctx.url = url;
  return Object.keys(ctx).length ? { text: text as string, context: ctx } : { text: text as string };
}

const spec = {
  name: 'lookup',
  synopsis: '[--json] [--explain] [--limit K] [--pack FILE]… [--stdin [--jsonl]] QUERY…',
  summary: 'look queries up with the same engine the extension uses: title, citation, match label and why',
  positionals: true,
  options: {
    json: { type: 'boolean', help: 'one JSON line per query: query, results, others, headline (answer, possible or nothing), unknownCitations, mode, truncated, ms' },
    explain: { type: 'boolean', help: 'add the scoring detail: score, how found, ranking signals, every matched field (with --json: each result gets "signals")' },
    limit: { type: 'string', value: 'K', help: 'at most K answers per query (a whole number; default 5)' },
    pack: { type: 'string', value: 'FILE', multiple: true, help: 'also search this pack file, as an imported pack is searched in the extension' },
    stdin: { type: 'boolean', help: 'read queries from standard input, one per line' },
    jsonl: { type: 'boolean', help: 'with --stdin: each line is {"text", "context"?, "title"?, "url"?} (the page around the selection, as the card sends it)' },
  },
  notes: ['examples:', '  lens lookup "ICE hold" "§ 19.30(a)(3)"', '  lens lookup --explain --limit 3 "seperation ordinance"', '  echo \'{"text":"the ordinance","title":"Minneapolis news"}\' | lens lookup --stdin --jsonl --json'],
} as const satisfies CommandSpec;

/** The queries: the arguments, then standard input's lines (each a query, or with --jsonl an object). */
function readQueries(positionals: readonly string[], stdin: boolean, jsonl: boolean): Query[] {
  const queries: Query[] = positionals.map((text) => ({ text }));
  if (!stdin) return queries;
  const lines = readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (!jsonl) {
      queries.push({ text: line });
      continue;
    }
    const q = parseJsonlQuery(line);
    // A bad line does not stop the batch: it gets an error line in its place (exit 1 at the end).
    queries.push(typeof q === 'string' ? { text: '', error: `stdin line ${i + 1}: ${q}` } : q);
  }
  return queries;
}

function jsonLine(q: string, r: LookupResult, ms: number, explain: boolean): string {
  return JSON.stringify({
    query: q,
    results: r.results.map((h) => ({ id: h.id, title: h.title, citation: h.citation, score: h.score, confidence: h.confidence, matched: h.matched, pinpoint: h.pinpoint, ...(explain ? { signals: h.signals } : {}) })),
    // Candidates below the answer line; `headline` says whether the card shows them as
    // "Possible matches" or says "Nothing in this pack covers this".
    others: r.others.map((h) => ({ id: h.id, title: h.title, citation: h.citation, score: h.score })),
    headline: r.headline,
    unknownCitations: r.unknownCitations,
    mode: r.mode,
    truncated: r.truncated,
    ms: Math.round(ms * 100) / 100,
  });
}

async function lookupCommand(v: OptionValues<typeof spec.options>, positionals: string[]): Promise<number> {
  const limit = wholeNumber(v.limit, '--limit', 5);
  if (v.jsonl && !v.stdin) throw new UsageError('--jsonl reads objects from standard input; add --stdin');
  if (!positionals.length && !v.stdin) throw new UsageError('give a query (or --stdin to read queries from standard input)');
  const queries = readQueries(positionals, !!v.stdin, !!v.jsonl);
  const packs = orReport(() => packsInOrder(bundledEntries(), v.pack ?? []));
  if (!packs) return 1;
  const { entries } = packs;
  const index = buildIndex(entries);
  setPackSizes(index, packs.sizes);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const explain = !!v.explain;
  let failed = false;
  for (const { text: q, context, error } of queries) {
    if (error) {
      failed = true;
      console.error(`lens lookup: ${error}`);
      if (v.json) console.log(JSON.stringify({ query: null, error }));
      continue;
    }
    const t0 = performance.now();
    const r = lookup(index, q, { limit, ...(context ? { context } : {}), ...(explain ? { explain } : {}) });
    const ms = performance.now() - t0;
    if (v.json) console.log(jsonLine(q, r, ms, explain));
    else printReadable(r, ms, byId, explain);
  }
  return failed ? 1 : 0;
}

export const command: Command = {
  spec,
  run: (args) => runCommand(spec, args, lookupCommand),
};
