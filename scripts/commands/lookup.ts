import { readFileSync } from 'node:fs';
import { orReport } from '../lib/or-report';
import { buildIndex, lookup, type LookupResult, type PageContext } from '../../core/search/index';
import type { Entry } from '../../core/schema/pack';
import { loadBundledPacks } from '../lib/bundled-packs';
import { takePackArgs, withPackFiles } from '../lib/extra-packs';
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

function printReadable(r: LookupResult, ms: number): void {
  console.log(`> ${r.query}  (${r.mode}, ${ms.toFixed(1)} ms${r.truncated ? ', truncated' : ''})`);
  for (const u of r.unknownCitations) console.log(`  ! ${u.message}`);
  if (!r.results.length) console.log(r.headline === 'possible' ? '  possible matches (none is a clear answer):' : '  nothing in this pack covers this');
  r.results.forEach((h, i) => {
    const why = h.matched.map((m) => `${m.field}${m.index !== undefined ? `[${m.index}]` : ''}: ${m.terms.join(', ')}`).join('; ');
    console.log(`  ${i + 1}. ${h.title} [${h.id}]${h.citation ? ` ${h.citation}` : ''}${h.pinpoint ? ` ${h.pinpoint}` : ''}`);
    console.log(`     ${h.confidence} (${h.score}, ${h.via}) — ${why}`);
  });
  if (r.others.length) console.log(`  other results: ${r.others.map((h) => h.id).join(', ')}`);
}

export const command: Command = {
  usage: 'lens lookup [--json] [--limit K] [--pack FILE]… [--stdin [--jsonl]] [QUERY…]   (--jsonl: each stdin line is {"text", "context"?, "title"?, "url"?}; --pack: a pack file searched beside the bundled packs)',
  async run(allArgs) {
    const { packs, rest: args } = takePackArgs(allArgs);
    let json = false;
    let stdin = false;
    let jsonl = false;
    let limit = 5;
    const queries: Query[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--stdin') stdin = true;
      else if (a === '--jsonl') jsonl = true;
      else if (a === '--limit') limit = Number(args[++i]) || 5;
      else queries.push({ text: a });
    }
    if (jsonl && !stdin) {
      console.error('lens lookup: --jsonl reads objects from standard input; add --stdin');
      return 2;
    }
    if (stdin) {
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
    }
    if (!queries.length) {
      console.error(`usage: ${this.usage}`);
      return 2;
    }
    const entries = orReport(() => withPackFiles(bundledEntries(), packs));
    if (!entries) return 1;
    const index = buildIndex(entries);
    let failed = false;
    for (const { text: q, context, error } of queries) {
      if (error) {
        failed = true;
        console.error(`lens lookup: ${error}`);
        if (json) console.log(JSON.stringify({ query: null, error }));
        continue;
      }
      const t0 = performance.now();
      const r = lookup(index, q, { limit, ...(context ? { context } : {}) });
      const ms = performance.now() - t0;
      if (json) {
        console.log(
          JSON.stringify({
            query: q,
            results: r.results.map((h) => ({ id: h.id, title: h.title, citation: h.citation, score: h.score, confidence: h.confidence, matched: h.matched, pinpoint: h.pinpoint })),
            // Candidates below the answer line; `headline` says whether the card shows them as
            // "Possible matches" or says "Nothing in this pack covers this".
            others: r.others.map((h) => ({ id: h.id, title: h.title, citation: h.citation, score: h.score })),
            headline: r.headline,
            unknownCitations: r.unknownCitations,
            mode: r.mode,
            truncated: r.truncated,
            ms: Math.round(ms * 100) / 100,
          }),
        );
      } else printReadable(r, ms);
    }
    return failed ? 1 : 0;
  },
};
