/**
 * The D.C. Code corpus (../shared/corpora/, never committed): unpacked into a temporary folder
 * when a test or the benchmark needs it, and removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DC_CORPUS = join(import.meta.dirname, '../../../shared/corpora/dc-code-2026-06-30.tar.gz');
/** The code's folder inside the archive. */
export const DC_CODE_DIR = 'us/dc/council/code';
/** The publication's date: the repository commit the archive was taken from (../shared/corpora/README.md). */
export const DC_PUBLISHED = '2026-06-30';

export interface Unpacked {
  /** The us/dc/council/code folder. */
  dir: string;
  remove(): void;
}

/** Unpacks the whole corpus, or only `members` (paths under us/dc/council/code/). */
export function unpackDcCorpus(members?: string[]): Unpacked {
  if (!existsSync(DC_CORPUS)) throw new Error(`the D.C. Code corpus is missing (${DC_CORPUS})`);
  const root = mkdtempSync(join(tmpdir(), 'lens-dc-'));
  const args = ['-xzf', DC_CORPUS, '-C', root];
  if (members) args.push(...members.map((m) => `${DC_CODE_DIR}/${m}`));
  execFileSync('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return { dir: join(root, DC_CODE_DIR), remove: () => rmSync(root, { recursive: true, force: true }) };
}
