/**
 * `npm run demo` builds only when it must: when the build is missing or older than any source
 * it is made from (a demo of stale code would mislead).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildTarget {
  /** The built extension folder, absolute. */
  dir: string;
  /** `wxt build` arguments that make it. */
  args: string[];
}

export const BUILDS = {
  chrome: { dir: join(ROOT, '.output/chrome-mv3'), args: ['build'] },
  chromeE2e: { dir: join(ROOT, '.output/chrome-mv3-e2e'), args: ['build', '--mode', 'e2e'] },
  firefox: { dir: join(ROOT, '.output/firefox-mv2'), args: ['build', '-b', 'firefox'] },
} satisfies Record<string, BuildTarget>;

const SOURCES = ['entrypoints', 'components', 'lib', 'core', 'content', 'public', 'wxt.config.ts', 'package-lock.json'];

function newestSource(): number {
  let newest = 0;
  for (const s of SOURCES) {
    const path = join(ROOT, s);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((f) => join(path, f)) : [path];
    for (const f of files) newest = Math.max(newest, statSync(f).mtimeMs);
  }
  return newest;
}

/** Builds `target` unless its manifest is newer than every source; says which it did. */
export function ensureBuild(target: BuildTarget): void {
  const manifest = join(target.dir, 'manifest.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource()) return;
  console.log(`building ${target.dir.slice(ROOT.length + 1)} (npx wxt ${target.args.join(' ')}; about a minute)…`);
  execFileSync('npx', ['wxt', ...target.args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
