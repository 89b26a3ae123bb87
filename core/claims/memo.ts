/**
 * The memo block a reader copies from a claim check: each claim, the provision the pack sets
 * beside it with a pinpoint cite, its badge, its source and the pack's as-of date, as Markdown
 * and as plain text. It repeats that this is evidence, not a verdict, so a pasted block keeps
 * the caveat.
 */
import type { Entry } from '../schema/pack';
import { formatCiteDate, shortCite } from '../format/citation';
import type { ClaimResult } from './check';
import type { ClaimFlag } from './flags';

export interface MemoInput {
  clauses: readonly ClaimResult[];
  /** Entries by id (at least those the clauses name). */
  entries: ReadonlyMap<string, Entry> | Record<string, Entry>;
  /** The pack's "current as of" date. */
  asOf: string;
  /** The imported pack holding an entry (undefined for a bundled one): a memo names it and its own date. */
  packOf?: (id: string) => ImportedPackInfo | undefined;
}

/** An imported pack, as a memo names it. */
export interface ImportedPackInfo {
  title: string;
  asOf: string;
}

/** Plain words for each flag, as the card shows them. */
export const FLAG_WORDS: Record<ClaimFlag, string> = {
  exception: 'an exception to the rule',
  reported: 'press reports only',
  'not-in-force': 'not in force',
  'older-text': 'describes an older text',
  'no-match': 'nothing in this pack speaks to this',
  opposite: 'the pack says the opposite',
};

export const NOT_A_VERDICT = 'Evidence side by side, not a true/false verdict.';

function get(entries: MemoInput['entries'], id: string): Entry | undefined {
  return entries instanceof Map ? entries.get(id) : (entries as Record<string, Entry>)[id];
}

/** The source a point rests on: its first official source, else its first source. */
export function pointSource(entry: Entry, c: ClaimResult): { publisher: string; url: string } | undefined {
  const list = c.match === 'exception' ? entry.exceptions : entry.points;
  const ids = c.index !== undefined ? (list[c.index]?.sources ?? []) : [];
  const sources = ids.map((id) => entry.sources.find((s) => s.id === id)).filter((s) => s !== undefined);
  const s = sources.find((x) => x.type === 'primary') ?? sources[0] ?? entry.sources[0];
  if (!s) return undefined;
  return { publisher: s.publisher, url: (s as { originalUrl?: string }).originalUrl ?? s.url };
}

function pin(sub: string | undefined): string | undefined {
  return sub && /^(\([a-z0-9]{1,4}\))+$/i.test(sub) ? sub : undefined;
}

interface Line {
  claim: string;
  provision?: string;
  cite?: string;
  url?: string;
  publisher?: string;
  badge?: string;
  /** "from “Code of the District of Columbia”, a pack you imported (…), as of …" */
  imported?: string;
  flags: string[];
}

function lines(input: MemoInput): Line[] {
  return input.clauses.map((c) => {
    const entry = c.entry ? get(input.entries, c.entry) : undefined;
    const flags = c.flags.map((f) => FLAG_WORDS[f]);
    if (!entry || c.match === 'none') return { claim: c.text, flags };
    const p = pin(c.subsection);
    const cite = shortCite({ entry, ...(p ? { pinpoint: p } : {}) }) + (c.subsection && !p ? ` ${c.subsection}` : '');
    const src = pointSource(entry, c);
    const pack = input.packOf?.(entry.id);
    return {
      ...(pack ? { imported: `from “${pack.title}”, a pack you imported (not checked by Ordinance Lens), as of ${formatCiteDate(pack.asOf)}` } : {}),
      claim: c.text,
      provision: c.matched,
      cite,
      ...(src ? { url: src.url, publisher: src.publisher } : {}),
      badge: c.confidence === 'primary' ? 'Official' : 'Reported',
      flags,
    };
  });
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/\s+/g, ' ').trim();

export function claimMemo(input: MemoInput): { markdown: string; plain: string } {
  const asOf = formatCiteDate(input.asOf);
  const ls = lines(input);
  const md = [`**Claim check** (Ordinance Lens, current as of ${asOf}). ${NOT_A_VERDICT}`, ''];
  const pt = [`Claim check (Ordinance Lens, current as of ${asOf}). ${NOT_A_VERDICT}`, ''];
  ls.forEach((l, i) => {
    md.push(`${i + 1}. Claim: "${mdEscape(l.claim)}"`);
    pt.push(`${i + 1}. Claim: "${l.claim.replace(/\s+/g, ' ').trim()}"`);
    if (l.provision) {
      const link = l.url ? `[${mdEscape(l.cite!)}](${l.url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : mdEscape(l.cite!);
      const from = l.imported ? `; ${l.imported}` : '';
      md.push(`   - The pack: ${mdEscape(l.provision)} (${link}; ${l.badge}${l.publisher ? `; source: ${mdEscape(l.publisher)}` : ''}${mdEscape(from)})`);
      pt.push(`   The pack: ${l.provision.replace(/\s+/g, ' ').trim()} (${l.cite}; ${l.badge}${l.publisher ? `; source: ${l.publisher}` : ''}${l.url ? `, ${l.url}` : ''}${from})`);
    }
    if (l.flags.length) {
      md.push(`   - Note: ${l.flags.join('; ')}`);
      pt.push(`   Note: ${l.flags.join('; ')}`);
    }
  });
  return { markdown: md.join('\n'), plain: pt.join('\n') };
}
