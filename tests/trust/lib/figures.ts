/**
 * Each trust test writes what it measured to .ci-out/trust/<name>.json; scripts/trust-summary.ts
 * prints them. Figures are merged, so one file can record several tests' results.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIGURES_DIR = join(ROOT, '.ci-out/trust');

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const file = join(FIGURES_DIR, `${name}.json`);
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, JSON.stringify({ ...old, ...figures }, null, 2) + '\n');
}
