/**
 * Scores claim check on the labelled claim set (tests/eval/claims.jsonl). The set holds only
 * references into ../shared (file, line, character offsets), never the third-party text: the text
 * is read from ../shared at run time. Labels were written before any tuning (see the commit that
 * added the file); each claim lists the entries and the points or exceptions that speak to it
 * (any of them counts: terms repeat what their governing law says), the flags it must get, and
 * flags that depend on which of the acceptable points is chosen (not scored).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkClaim, checkClaims, type ClaimFlag, type ClaimResult } from '../../core/claims/index';
import type { Entry } from '../../core/schema/pack';
import type { SearchIndex } from '../../core/search/index';
import { itemTerms } from '../../core/claims/terms';
import { splitOf, type Split } from './real-eval';

export interface LabelledClaim {
  /** Path under ../shared. */
  file: string;
  /** 1-based line of the file (of real-dev.jsonl: the row, whose `text` field holds the sentence). */
  line: number;
  field?: string;
  start: number;
  end: number;
  /** Acceptable entries ([] = nothing in the pack speaks to the claim). */
  entries: string[];
  /**
   * Acceptable points/exceptions, "entry#P3~key+words" / "entry#X0~…" ([] = entry-level only).
   * The index is where the point was when labelled; the key words (its rarest stems then) find it
   * again after the pack's authors reorder or reword points (see resolvePoint).
   */
  points: string[];
  flags: ClaimFlag[];
  /** Flags that depend on which acceptable point is chosen: neither required nor counted. */
  flagsEither: ClaimFlag[];
  /** Entries added to the pack after labelling that this claim's labels were extended to. */
  extendedFor?: string[];
}

export const SCORED_FLAGS: readonly ClaimFlag[] = ['exception', 'reported', 'not-in-force', 'older-text', 'no-match', 'opposite'];

export function loadClaimSet(setPath: string): LabelledClaim[] {
  return readFileSync(setPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledClaim);
}

const fileCache = new Map<string, string[]>();
function sharedLines(path: string): string[] | undefined {
  if (!existsSync(path)) return undefined;
  let lines = fileCache.get(path);
  if (!lines) {
    lines = readFileSync(path, 'utf8').split('\n');
    fileCache.set(path, lines);
  }
  return lines;
}

/** The claim's text, read from ../shared; undefined when the shared folder is not there. */
export function claimText(c: LabelledClaim, sharedDir: string): string | undefined {
  const lines = sharedLines(join(sharedDir, c.file));
  if (!lines) return undefined;
  const raw = lines[c.line - 1];
  if (raw === undefined) return undefined;
  const text = c.field ? String((JSON.parse(raw) as Record<string, unknown>)[c.field] ?? '') : raw;
  return text.slice(c.start, c.end);
}

/**
 * The page a claim comes from, for the tune/test split (decision 0012, same rule as 0004): a row
 * of real-dev.jsonl names its page; a seed article is the page of the real-dev rows that carry its
 * title (both seeds have rows there), else its file name.
 */
export function claimPage(c: LabelledClaim, sharedDir: string): string {
  const lines = sharedLines(join(sharedDir, c.file));
  if (!lines) return c.file;
  if (c.field) return String((JSON.parse(lines[c.line - 1] ?? '{}') as Record<string, unknown>).page ?? c.file);
  const head = lines.slice(0, 6).map((l) => l.trim()).filter(Boolean);
  const real = sharedLines(join(sharedDir, 'eval/real-dev.jsonl')) ?? [];
  for (const row of real) {
    if (!row.trim()) continue;
    const o = JSON.parse(row) as { title?: string; page?: string };
    if (o.title && o.page && head.includes(o.title.trim())) return o.page;
  }
  return c.file;
}

export function claimSplit(c: LabelledClaim, sharedDir: string): Split {
  return splitOf(claimPage(c, sharedDir));
}

export interface ClaimEvalRow {
  claim: LabelledClaim;
  split: Split;
  text: string;
  got: ClaimResult;
  entryOk: boolean;
  /** undefined when the claim has no expected point. */
  pointOk?: boolean;
}

export interface FlagScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

export interface ClaimEvalReport {
  claims: number;
  entryAccuracy: number;
  pointClaims: number;
  pointAccuracy: number;
  flags: Record<ClaimFlag, FlagScore>;
  rows: ClaimEvalRow[];
  /** Claims whose text could not be read (../shared missing or changed). */
  missing: number;
  /** Labelled points the current pack no longer has (reworded past recognition or removed). */
  stalePoints: number;
}

/**
 * The current "entry#P<i>" of a labelled point: the point or exception of the same kind in that
 * entry carrying most of the key words (at least half of them); undefined when the pack no longer
 * has it (a stale label, counted in the report).
 */
export function resolvePoint(label: string, byId: ReadonlyMap<string, Entry>): string | undefined {
  const [ref, keyPart] = label.split('~');
  const [id, slot] = ref!.split('#');
  const entry = byId.get(id!);
  if (!entry || !slot) return undefined;
  const kind = slot[0] === 'X' ? 'X' : 'P';
  const list = kind === 'X' ? entry.exceptions : entry.points;
  const keys = keyPart ? keyPart.split('+').filter(Boolean) : [];
  if (!keys.length) return list[Number(slot.slice(1))] ? ref : undefined;
  let best = -1;
  let bestHits = 0;
  list.forEach((p, i) => {
    const terms = new Set(itemTerms(p.text));
    const hits = keys.filter((k) => terms.has(k)).length;
    // Ties go to the labelled index.
    if (hits > bestHits || (hits === bestHits && hits > 0 && i === Number(slot.slice(1)))) {
      best = i;
      bestHits = hits;
    }
  });
  return best >= 0 && bestHits * 2 >= keys.length ? `${id}#${kind}${best}` : undefined;
}

/** How a labelled claim is checked: alone (as a selection of that sentence) or inside its paragraph. */
export type ClaimEvalMode = 'claim' | 'paragraph';

/**
 * The paragraph a claim was read in, and where the claim sits in it: for a real-dev row, the
 * row's `context` (the paragraph around the selection); for a seed article, the line itself.
 */
export function claimParagraph(c: LabelledClaim, sharedDir: string): { text: string; start: number; end: number } | undefined {
  const lines = sharedLines(join(sharedDir, c.file));
  const raw = lines?.[c.line - 1];
  if (raw === undefined) return undefined;
  if (!c.field) return { text: raw, start: c.start, end: c.end };
  const row = JSON.parse(raw) as Record<string, unknown>;
  const field = String(row[c.field] ?? '');
  const context = typeof row.context === 'string' ? row.context : '';
  const at = context.indexOf(field);
  return at < 0 ? { text: field, start: c.start, end: c.end } : { text: context, start: at + c.start, end: at + c.end };
}

/** The claim of a paragraph's check that overlaps [start, end) most (what the reader sees beside those words). */
function clauseAt(clauses: readonly ClaimResult[], start: number, end: number): ClaimResult | undefined {
  let best: ClaimResult | undefined;
  let bestOverlap = 0;
  for (const cl of clauses) {
    const overlap = Math.min(end, cl.end) - Math.max(start, cl.start);
    if (overlap > bestOverlap) {
      best = cl;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Checks every readable claim of the set. `mode: 'paragraph'` checks the paragraph each claim
 * was read in (one check per paragraph, as a reader selecting it gets) and scores the clause of
 * that check that overlaps the claim most.
 */
export function evaluateClaims(set: readonly LabelledClaim[], index: SearchIndex, entries: readonly Entry[], sharedDir: string, mode: ClaimEvalMode = 'claim'): ClaimEvalReport {
  const rows: ClaimEvalRow[] = [];
  let missing = 0;
  let stale = 0;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const paragraphs = new Map<string, ClaimResult[]>();
  const checkInParagraph = (c: LabelledClaim): ClaimResult | undefined => {
    const p = claimParagraph(c, sharedDir);
    if (!p) return undefined;
    let clauses = paragraphs.get(p.text);
    if (!clauses) paragraphs.set(p.text, (clauses = checkClaims(index, entries, p.text).clauses));
    return clauseAt(clauses, p.start, p.end);
  };
  for (const claim of set) {
    const text = claimText(claim, sharedDir);
    const got = !text ? undefined : mode === 'paragraph' ? checkInParagraph(claim) : checkClaim(index, entries, { text, start: 0, end: text.length });
    if (!text || !got) {
      missing++;
      continue;
    }
    const points = claim.points.map((p) => resolvePoint(p, byId));
    stale += points.filter((p) => p === undefined).length;
    const accepted = points.filter((p) => p !== undefined);
    const entryOk = claim.entries.length ? got.entry !== null && claim.entries.includes(got.entry) : got.entry === null;
    const ref = got.entry && got.index !== undefined ? `${got.entry}#${got.match === 'exception' ? 'X' : 'P'}${got.index}` : undefined;
    rows.push({ claim, split: claimSplit(claim, sharedDir), text: mode === 'paragraph' ? got.text : text, got, entryOk, ...(claim.points.length ? { pointOk: ref !== undefined && accepted.includes(ref) } : {}) });
  }
  return { ...summarizeClaims(rows), missing, stalePoints: stale };
}

/** Entry and point accuracy and flag precision/recall over some rows (all, or one split). */
export function summarizeClaims(rows: ClaimEvalRow[]): Omit<ClaimEvalReport, 'missing' | 'stalePoints'> {
  const flags = {} as Record<ClaimFlag, FlagScore>;
  for (const f of SCORED_FLAGS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      if (r.claim.flagsEither.includes(f)) continue;
      const want = r.claim.flags.includes(f);
      const has = r.got.flags.includes(f);
      if (want && has) tp++;
      else if (has) fp++;
      else if (want) fn++;
    }
    flags[f] = { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null };
  }
  const pointRows = rows.filter((r) => r.pointOk !== undefined);
  return {
    claims: rows.length,
    entryAccuracy: rows.length ? rows.filter((r) => r.entryOk).length / rows.length : 0,
    pointClaims: pointRows.length,
    pointAccuracy: pointRows.length ? pointRows.filter((r) => r.pointOk).length / pointRows.length : 0,
    flags,
    rows,
  };
}
