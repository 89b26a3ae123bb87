/**
 * Precision and recall of the page scanner's marks against hand labels (tests/eval/scan-labels.json:
 * offsets into ../shared/seeds/*.txt and the entry ids that would be right). A mark counts when
 * it overlaps a label not yet counted and names one of its ids; the seeds are read at run time,
 * never copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanMatch } from '../../core/scan/index';

export interface LabelledMark {
  start: number;
  end: number;
  ids: string[];
}
export interface SeedLabels {
  chars: number;
  marks: LabelledMark[];
}

export function readScanLabels(file: string): Record<string, SeedLabels> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { seeds: Record<string, SeedLabels> }).seeds;
}

export function seedText(seedsDir: string, name: string): string | undefined {
  const p = join(seedsDir, name);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

export interface MarkScore {
  marks: number;
  labels: number;
  truePositives: number;
  /** Marks that match no label (as "start-end id"). */
  wrong: string[];
  /** Labels no mark found (as "start-end ids"). */
  missed: string[];
}

export function scoreMarks(got: readonly ScanMatch[], labels: readonly LabelledMark[]): MarkScore {
  const used = new Set<number>();
  const wrong: string[] = [];
  let tp = 0;
  for (const m of got) {
    const k = labels.findIndex((l, i) => !used.has(i) && m.start < l.end && m.end > l.start && l.ids.includes(m.id));
    if (k >= 0) {
      used.add(k);
      tp++;
    } else wrong.push(`${m.start}-${m.end} ${m.id}`);
  }
  const missed = labels.flatMap((l, i) => (used.has(i) ? [] : [`${l.start}-${l.end} ${l.ids.join('|')}`]));
  return { marks: got.length, labels: labels.length, truePositives: tp, wrong, missed };
}

export function precisionRecall(scores: readonly MarkScore[]): { precision: number; recall: number } {
  const tp = scores.reduce((s, x) => s + x.truePositives, 0);
  const marks = scores.reduce((s, x) => s + x.marks, 0);
  const labels = scores.reduce((s, x) => s + x.labels, 0);
  return { precision: marks ? tp / marks : 1, recall: labels ? tp / labels : 1 };
}
