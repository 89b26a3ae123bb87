/**
 * The bundled packs, compiled from content/ and validated: what the extension ships. Throws with
 * every problem listed when content/ is invalid, so a broken pack never reaches a build.
 */
import { validatePackValue, formatProblems } from '../../core/schema/validate';
import type { Pack } from '../../core/schema/pack';
import { loadAllPackSources } from './content-loader';

export function loadBundledPacks(contentDir?: string): Pack[] {
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
