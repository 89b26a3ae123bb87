/** A copy of the project's sources, for tests that build in a folder of their own. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './figures';

/**
 * Copies the sources (tracked and new, not ignored) to a fresh folder that shares node_modules.
 * With `git: true` the copy is also a git repository with every copied file added, as a fresh
 * clone would be (`npm run zip` keeps only tracked files in the sources archive).
 */
export function cleanCopy(prefix: string, opts: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue; // deleted in the working tree
    if (f === 'node_modules') continue; // a symlinked node_modules is not a folder to .gitignore
    cpSync(join(ROOT, f), join(dir, f), { recursive: false, force: true, errorOnExist: false });
  }
  if (opts.git) {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-A'], { cwd: dir });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
