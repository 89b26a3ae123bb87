/**
 * `npm run zip`: the store archives, reproducibly.
 *
 *   .output/ordinance-lens-<version>-chrome.zip    Chrome Web Store (MV3)      `wxt zip`
 *   .output/ordinance-lens-<version>-firefox.zip   addons.mozilla.org (MV2)    `wxt zip -b firefox`
 *   .output/ordinance-lens-<version>-sources.zip   the sources AMO reviews     (same command)
 *
 * WXT writes each entry with the current time and in file-system order, so this script rewrites
 * the three archives with their entries sorted by name and one timestamp: SOURCE_DATE_EPOCH when
 * set, else 1980-01-01 (scripts/lib/zip-archive.ts). Two runs from one commit are then
 * byte-identical (tests/trust/archives.trust.ts builds twice and compares).
 *
 * The sources archive keeps, from what WXT selected (wxt.config.ts `zip.excludeSources`), only the
 * files git tracks, so a stray test artefact or scratch file never ships; docs/store/BUILD.md is
 * added at its top as BUILD.md. Outside a git clone (e.g. rebuilding from the sources archive)
 * WXT's selection stands.
 *
 * Flags: --no-build re-normalizes archives already in .output (no rebuild).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { EXTENSION_ARCHIVE_BUDGET, SOURCES_ARCHIVE_BUDGET } from './lib/store-budgets';
import { byName, normalizeZip, readZip, writeZip, type ZipEntry } from './lib/zip-archive';

const ROOT = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The archives `npm run zip` writes, for this version (WXT's default names). */
export function archivePaths(root = ROOT): { chrome: string; firefox: string; sources: string } {
  const v = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const at = (what: string) => join(root, '.output', `${name}-${v}-${what}.zip`);
  return { chrome: at('chrome'), firefox: at('firefox'), sources: at('sources') };
}

/** SOURCE_DATE_EPOCH (seconds) when set, the ZIP epoch otherwise. */
function archiveTime(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const n = Number(epoch);
    if (!Number.isInteger(n) || n < 0) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, got "${epoch}"`);
    return new Date(n * 1000);
  }
  return new Date(Date.UTC(1980, 0, 1));
}

/** Files git tracks here, or undefined when this folder is not the top of a git clone. */
function trackedFiles(): Set<string> | undefined {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (realpathSync(top) !== realpathSync(ROOT)) return undefined;
    return new Set(execFileSync('git', ['ls-files', '-z', '--cached'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean));
  } catch {
    return undefined; // no git, or not a clone
  }
}

function wxt(args: string[]): void {
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), args, { cwd: ROOT, stdio: 'inherit' });
}

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

function main(): void {
  if (!process.argv.includes('--no-build')) {
    wxt(['zip']);
    wxt(['zip', '-b', 'firefox']);
  }
  const mtime = archiveTime();
  const paths = archivePaths();
  for (const p of Object.values(paths)) if (!existsSync(p)) throw new Error(`${p} is missing: \`wxt zip\` did not write it`);

  writeFileSync(paths.chrome, normalizeZip(readFileSync(paths.chrome), mtime));
  writeFileSync(paths.firefox, normalizeZip(readFileSync(paths.firefox), mtime));

  const tracked = trackedFiles();
  const all = readZip(readFileSync(paths.sources));
  const files = all.filter((e) => !e.name.endsWith('/') && (!tracked || tracked.has(e.name)));
  const left = all.filter((e) => !e.name.endsWith('/') && !files.includes(e));
  if (left.length) console.log(`sources: left out ${left.length} file(s) git does not track: ${left.map((e) => e.name).join(', ')}`);
  const guide = readFileSync(join(ROOT, 'docs/store/BUILD.md'));
  const build: ZipEntry = { name: 'BUILD.md', method: 0, crc: crc32(guide), size: guide.length, raw: guide };
  writeFileSync(paths.sources, writeZip([build, ...files.filter((e) => e.name !== 'BUILD.md').sort(byName)], mtime));

  console.log(`\nstore archives (${name} ${version}, entries dated ${mtime.toISOString()}):`);
  for (const [what, p] of Object.entries(paths)) {
    const buf = readFileSync(p);
    const budget = what === 'sources' ? SOURCES_ARCHIVE_BUDGET : EXTENSION_ARCHIVE_BUDGET;
    console.log(`  ${p.slice(ROOT.length + 1)}  ${(buf.length / 1024).toFixed(1)} KB of ${budget / 1024} KB budget  sha256 ${sha256(buf)}`);
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(import.meta.filename)) main();
