/**
 * The real-page evaluation set (`../shared/eval/real-dev.jsonl`): selections copied from real
 * pages with their page context. It quotes third-party text, so it is read from ../shared at run
 * time and never copied. The split into tune and test is by page, by the rule fixed in
 * docs/decisions/0004-real-text-evaluation.md; label updates for entries the pack gained since the
 * set was written live in tests/eval/real-dev-labels.json (line number → expected ids).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Split = 'tune' | 'test';

export interface RealRow {
  /** 1-based line number in the set file. */
  line: number;
  text: string;
  context?: string;
  title?: string;
  url?: string;
  expect: string[];
  kind: string;
  page: string;
  split: Split;
  /** The row was marked as a gap of the pack and is not (yet) covered by a label update. */
  gap: boolean;
}

export const REAL_SET = join(import.meta.dirname, '../../../shared/eval/real-dev.jsonl');
export const REAL_LABELS = join(import.meta.dirname, '../../tests/eval/real-dev-labels.json');

/** Test when the first 8 hex digits of SHA-256(page), mod 100, are below 40 (decision 0004). */
export function splitOf(page: string): Split {
  const h = parseInt(createHash('sha256').update(page, 'utf8').digest('hex').slice(0, 8), 16);
  return h % 100 < 40 ? 'test' : 'tune';
}

interface LabelUpdate {
  expect: string[];
  why?: string;
}

export function readLabelUpdates(file = REAL_LABELS): Map<number, LabelUpdate> {
  if (!existsSync(file)) return new Map();
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, LabelUpdate>;
  return new Map(Object.entries(raw).map(([k, v]) => [Number(k), v]));
}

/** True when a file's lines look like the real-page set (`text` + `page`) rather than `{q, expect}`. */
export function isRealSetFormat(file: string): boolean {
  const first = readFileSync(file, 'utf8').split('\n').find((l) => l.trim());
  if (!first) return false;
  const o = JSON.parse(first) as Record<string, unknown>;
  return typeof o.text === 'string';
}

export function readRealSet(file = REAL_SET, labels = readLabelUpdates()): RealRow[] {
  const rows: RealRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      if (!l.trim()) return;
      const o = JSON.parse(l) as Record<string, unknown>;
      const line = i + 1;
      const update = labels.get(line);
      const page = String(o.page ?? o.url ?? '');
      const expect = update ? update.expect : Array.isArray(o.expect) ? (o.expect as string[]) : [];
      const gap = !update && typeof o.gap === 'string' && o.gap.length > 0;
      rows.push({
        line,
        text: String(o.text ?? ''),
        context: typeof o.context === 'string' ? o.context : undefined,
        title: typeof o.title === 'string' ? o.title : undefined,
        url: typeof o.url === 'string' ? o.url : undefined,
        expect,
        kind: String(o.kind ?? 'unknown'),
        page,
        split: splitOf(page),
        gap,
      });
    });
  return rows;
}
