/**
 * The one percentile rule of the benchmarks (the CLI's and tests/e2e/bench.e2e.ts): nearest rank,
 * the smallest value with at least q of the values at or below it, so p95 of 20 runs is the 19th.
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** p50, p95 and max of `times` (milliseconds), rounded to `digits` decimals, and how many. */
export function latencyStats(times: readonly number[], digits: number): { p50: number; p95: number; max: number; n: number } {
  const s = [...times].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return { p50: round(percentile(s, 0.5)), p95: round(percentile(s, 0.95)), max: round(percentile(s, 1)), n: s.length };
}
