/**
 * The store archives (`npm run zip`, docs/store/README.md):
 * - the three archives build in a copy of the sources (a git repository, with stray files);
 * - the sources archive holds only tracked files (no stray test artefact, no tests, no build
 *   output), and rebuilding from it alone, in another folder, with no git, gives the same three
 *   archives byte for byte (reproducible, and the sources archive is enough to build);
 * - `web-ext lint` on the Firefox archive reports 0 errors;
 * - the archives' manifests ask for exactly the documented permissions, carry package.json's
 *   version, and Firefox's says it collects no data;
 * - each archive stays under its size budget.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ARCHIVE_BUDGET, SOURCES_ARCHIVE_BUDGET } from '../../scripts/lib/store-budgets';
import { entryData, readZip } from '../../scripts/lib/zip-archive';
import type { Manifest } from './lib/builds';
import { cleanCopy } from './lib/clean-copy';
import { recordFigures, ROOT } from './lib/figures';
import { webExtLint } from './lib/web-ext-lint';
import { allowedFor } from './permissions';

/** Files a test run might leave behind; none may reach the sources archive. */
const STRAY = ['stray-artefact.png', 'tests/e2e/stray-screenshot.png', 'docs/stray-report.html', 'core/stray-scratch.ts'];

const figures: Record<string, unknown> = {};
const dirs: string[] = [];
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const names = (dir: string) => ({
  chrome: join(dir, '.output', `ordinance-lens-${version}-chrome.zip`),
  firefox: join(dir, '.output', `ordinance-lens-${version}-firefox.zip`),
  sources: join(dir, '.output', `ordinance-lens-${version}-sources.zip`),
});
type Archives = Record<keyof ReturnType<typeof names>, Buffer>;

function zipIn(dir: string): Archives {
  try {
    execFileSync('npm', ['run', '-s', 'zip'], { cwd: dir, encoding: 'utf8', stdio: 'pipe', timeout: 480_000, env: { ...process.env, NODE_ENV: 'production', SOURCE_DATE_EPOCH: '' } });
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`npm run zip failed in ${dir}:\n${(stdout + stderr).split('\n').filter((l) => /error|fail/i.test(l)).slice(0, 20).join('\n')}`);
  }
  const n = names(dir);
  return { chrome: readFileSync(n.chrome), firefox: readFileSync(n.firefox), sources: readFileSync(n.sources) };
}

/** Unpacks an archive with the same reader the script uses (it checks every CRC). */
function unpack(zip: Buffer, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  for (const e of readZip(zip)) {
    if (e.name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, e.name)), { recursive: true });
    writeFileSync(join(dir, e.name), entryData(e));
  }
  return dir;
}

const manifestOf = (zip: Buffer): Manifest => JSON.parse(entryData(readZip(zip).find((e) => e.name === 'manifest.json')!).toString('utf8')) as Manifest;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let a: Archives;
let copyA: string;
/** The archives rebuilt from a's sources archive alone, as BUILD.md says (undefined: that failed). */
let b: Archives | undefined;
let rebuildError: unknown;

beforeAll(() => {
  copyA = cleanCopy('lens-zip-a-', { git: true });
  dirs.push(copyA);
  // Artefacts written after the clone, as a test run would: untracked, not ignored.
  for (const f of STRAY) {
    mkdirSync(dirname(join(copyA, f)), { recursive: true });
    writeFileSync(join(copyA, f), 'a leftover that must not ship\n');
  }
  a = zipIn(copyA);
  // Another folder (another path length: no absolute path may leak), no git, only the sources archive.
  const fromSources = unpack(a.sources, 'lens-from-sources-bb-');
  symlinkSync(join(ROOT, 'node_modules'), join(fromSources, 'node_modules'), 'dir'); // stands in for `npm ci` (no registry in tests)
  try {
    b = zipIn(fromSources);
  } catch (err) {
    rebuildError = err;
  }
  figures.archiveBytes = { chrome: a.chrome.length, firefox: a.firefox.length, sources: a.sources.length };
  figures.archiveSha256 = { chrome: sha(a.chrome), firefox: sha(a.firefox), sources: sha(a.sources) };
}, 900_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  recordFigures('archives', figures);
});

describe('npm run zip', () => {
  it('builds the Chrome, Firefox and sources archives, named with package.json version', () => {
    for (const [what, buf] of Object.entries(a)) expect(readZip(buf).length, what).toBeGreaterThan(3);
    expect(manifestOf(a.chrome).version).toBe(version);
    expect(manifestOf(a.firefox).version).toBe(version);
    expect(manifestOf(a.chrome).manifest_version).toBe(3);
  });

  it('rebuilt from the sources archive alone (BUILD.md), in another folder, gives the same three archives byte for byte', () => {
    if (!b) throw rebuildError;
    const same = { chrome: a.chrome.equals(b.chrome), firefox: a.firefox.equals(b.firefox), sources: a.sources.equals(b.sources) };
    figures.archivesReproducible = same.chrome && same.firefox && same.sources;
    expect(same).toEqual({ chrome: true, firefox: true, sources: true });
  });

  it('puts BUILD.md with the rebuild commands at the top of the sources archive', () => {
    const build = readZip(a.sources)[0]!;
    expect(build.name).toBe('BUILD.md');
    expect(entryData(build).toString('utf8')).toMatch(/npm ci[\s\S]*npm run zip/);
  });

  it('puts only tracked sources in the sources archive: no stray artefact, no tests, no build output', () => {
    const files = readZip(a.sources).map((e) => e.name);
    const tracked = new Set(execFileSync('git', ['ls-files', '--cached'], { cwd: copyA, encoding: 'utf8' }).split('\n').filter(Boolean));
    expect(files.filter((f) => STRAY.includes(f))).toEqual([]);
    expect(files.filter((f) => /^(tests|\.output|node_modules|\.ci-out)\//.test(f))).toEqual([]);
    expect(files.filter((f) => !f.endsWith('/') && f !== 'BUILD.md' && !tracked.has(f))).toEqual([]);
    for (const needed of ['BUILD.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'content/minneapolis/pack.yaml', 'scripts/zip.ts']) expect(files, needed).toContain(needed);
  });
});

describe('the archives, as the stores see them', () => {
  it('web-ext lint on the Firefox archive has 0 errors', () => {
    const r = webExtLint(unpack(a.firefox, 'lens-firefox-zip-'));
    figures.lintFirefoxArchive = r;
    expect(r.messages.filter((m) => m.startsWith('error')), 'web-ext errors').toEqual([]);
    expect(r.errors).toBe(0);
  });

  it('the Chrome archive asks for exactly the documented permissions, and no host', () => {
    const m = manifestOf(a.chrome);
    expect([...(m.permissions ?? [])].sort()).toEqual([...allowedFor('chrome')].sort());
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_permissions ?? []).toEqual([]);
  });

  it('the Firefox archive asks for exactly the documented permissions and declares no data collection', () => {
    const m = manifestOf(a.firefox);
    expect([...(m.permissions ?? [])].sort()).toEqual([...allowedFor('firefox')].sort());
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it(`each archive stays under its budget (extension ${EXTENSION_ARCHIVE_BUDGET / 1024} KB, sources ${SOURCES_ARCHIVE_BUDGET / 1024} KB)`, () => {
    const over = [
      ['chrome', a.chrome.length, EXTENSION_ARCHIVE_BUDGET],
      ['firefox', a.firefox.length, EXTENSION_ARCHIVE_BUDGET],
      ['sources', a.sources.length, SOURCES_ARCHIVE_BUDGET],
    ].filter(([, bytes, budget]) => (bytes as number) > (budget as number));
    expect(over).toEqual([]);
  });
});
