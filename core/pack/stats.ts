import type { Entry } from '../schema/pack';

/** Entry counts per kind, most numerous first (ties by name), for reports. */
export function countByKind(entries: readonly Entry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
