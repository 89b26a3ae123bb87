/**
 * `--pack FILE` for the CLI (lookup, eval, bench): pack files searched beside the bundled packs,
 * as an imported pack is in the extension. Each file is validated whole; ids must not clash.
 */
import { readFileSync } from 'node:fs';
import { formatProblems, validatePackText } from '../../core/schema/validate';
import type { Entry } from '../../core/schema/pack';

/**
 * The entries of each pack file after `base`, and how many each pack adds (`base` counts as one
 * pack): give `sizes` to `setPackSizes` (core/search/pack-groups.ts), as the extension does, so
 * each pack knows its own words. Throws with the file's problems when one does not validate.
 */
export function packsInOrder(base: Entry[], files: readonly string[]): { entries: Entry[]; sizes: number[] } {
  const sizes = [base.length];
  if (!files.length) return { entries: base, sizes };
  const out = [...base];
  const known = new Set(base.map((e) => e.id));
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`${file}: cannot read file`);
    }
    const v = validatePackText(text, known);
    if (!v.ok) throw new Error(`${file}: not a valid pack\n${formatProblems(v.problems.slice(0, 10))}`);
    for (const e of v.pack.entries) {
      known.add(e.id);
      out.push(e);
    }
    sizes.push(v.pack.entries.length);
  }
  return { entries: out, sizes };
}
