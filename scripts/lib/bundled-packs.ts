/**
 * The bundled packs, compiled from content/ and validated: what the extension ships. Throws with
 * every problem listed when content/ is invalid, so a broken pack never reaches a build.
 */
import { resolve } from 'node:path';
import { validatePackValue, formatProblems } from '../../core/schema/validate';
import type { Pack } from '../../core/schema/pack';
import { CONTENT_DIR, loadAllPackSources } from './content-loader';

/**
 * Packs compiled once by a test run (the unit suite's globalSetup, handed over in
 * tests/support/pack-once-setup.ts): the CLI commands its tests run in-process read these
 * instead of compiling content/ again (~0.85 s each time).
 */
let compiledOnce: (() => Pack[]) | undefined;

export function useCompiledPacks(get: () => Pack[]): void {
  compiledOnce = get;
}

export function loadBundledPacks(contentDir?: string): Pack[] {
  if (compiledOnce && (contentDir === undefined || resolve(contentDir) === CONTENT_DIR)) return compiledOnce();
  const packs: Pack[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const src of loadAllPackSources(contentDir)) {
    errors.push(...src.problems.map((p) => `${p.path}: ${p.reason}`));
    const result = validatePackValue(src.pack, seen);
    if (!result.ok) {
      errors.push(`${src.dir}:\n${formatProblems(result.problems)}`);
      continue;
    }
    result.pack.entries.forEach((e) => seen.add(e.id));
    packs.push(result.pack);
  }
  if (errors.length) throw new Error(`content/ is invalid:\n${errors.join('\n')}`);
  return packs;
}
