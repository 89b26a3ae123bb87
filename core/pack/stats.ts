import type { Entry } from '../schema/pack';

/** Entry counts per kind, most numerous first (ties by name), for reports. */
export function countByKind(entries: readonly Entry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export interface CopyReliance {
  /** Points and exceptions in the pack. */
  points: number;
  /** Those whose every source is a copy (`via`) with no original address found: nothing a reporter can cite first-hand. */
  onlyOnCopies: number;
  /** Those whose every source is a copy, but at least one copy's original address is known. */
  copiesWithOriginal: number;
}

/**
 * How many points rest only on copies (mirrors, aggregators, reposts) rather than on an address
 * the original publisher serves: the number `lens validate` reports and authors drive down.
 */
export function copyReliance(entries: readonly Entry[]): CopyReliance {
  const out: CopyReliance = { points: 0, onlyOnCopies: 0, copiesWithOriginal: 0 };
  for (const e of entries) {
    const byId = new Map(e.sources.map((s) => [s.id, s]));
    for (const p of [...e.points, ...e.exceptions]) {
      out.points++;
      const srcs = p.sources.map((id) => byId.get(id)).filter((s) => s !== undefined);
      if (!srcs.length || !srcs.every((s) => s.via)) continue;
      if (srcs.some((s) => s.originalUrl)) out.copiesWithOriginal++;
      else out.onlyOnCopies++;
    }
  }
  return out;
}
