/**
 * Promise 8, a reviewable build:
 * - web-ext lint reports 0 errors on both Firefox builds;
 * - two clean builds, from two copies of the source in different folders, are byte-identical;
 * - the content script stays under its size budget, and neither the pack nor fuse.js is in it.
 * The store archives (`npm run zip`) have their own checks in archives.trust.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDS, listFiles, readManifest } from './lib/builds';
import { cleanCopy } from './lib/clean-copy';
import { recordFigures, ROOT } from './lib/figures';
import { webExtLint } from './lib/web-ext-lint';

/** Raw bytes of all content-script JavaScript. The card is Preact + our components, nothing more. */
export const CONTENT_SCRIPT_BUDGET = 96 * 1024;

const figures: Record<string, unknown> = {};

describe('web-ext lint', () => {
  it.each([['firefox-mv2', BUILDS.firefoxMv2], ['firefox-mv3', BUILDS.firefoxMv3]])('%s has 0 errors', (name, dir) => {
    const r = webExtLint(dir);
    figures[`lint_${name}`] = r;
    expect(r.messages.filter((m) => m.startsWith('error')), 'web-ext errors').toEqual([]);
    expect(r.errors).toBe(0);
  });
});

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

function build(dir: string, args: string[]): void {
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build', ...args], { cwd: dir, stdio: 'ignore', timeout: 240_000, env: { ...process.env, NODE_ENV: 'production' } });
}

describe('reproducible build', () => {
  it('two clean builds in different folders give identical output (Chrome, Firefox MV2, Firefox MV3)', () => {
    const a = cleanCopy('lens-build-a-');
    const b = cleanCopy('lens-build-bb-'); // a different path length catches absolute paths in output
    try {
      const targets: [string, string[]][] = [['chrome-mv3', []], ['firefox-mv2', ['-b', 'firefox']], ['firefox-mv3', ['-b', 'firefox', '--mv3']]];
      const diffs: string[] = [];
      let files = 0;
      for (const [out, args] of targets) {
        build(a, args);
        build(b, args);
        const ha = hashes(join(a, '.output', out));
        const hb = hashes(join(b, '.output', out));
        files += Object.keys(ha).length;
        for (const f of new Set([...Object.keys(ha), ...Object.keys(hb)])) if (ha[f] !== hb[f]) diffs.push(`${out}/${f}`);
      }
      figures.reproducible = diffs.length === 0;
      figures.reproducibleFiles = files;
      figures.reproducibleDiffs = diffs;
      expect(diffs).toEqual([]);
      expect(files).toBeGreaterThan(0);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});

/** The content-script files of a build: declared in the manifest, or registered at run time by WXT. */
function contentScripts(dir: string): string[] {
  const declared = (readManifest(dir).content_scripts ?? []).flatMap((c) => c.js ?? []);
  const runtime = listFiles(dir).filter((f) => f.startsWith('content-scripts/') && f.endsWith('.js'));
  // The script the background injects on demand (lib/background/lookup-in-tab.ts CARD_SCRIPT).
  const injected = /CARD_SCRIPT\s*=\s*['"]\/?([^'"]+)['"]/.exec(readFileSync(join(ROOT, 'lib/background/lookup-in-tab.ts'), 'utf8'))?.[1];
  return [...new Set([...declared, ...runtime, ...(injected && listFiles(dir).includes(injected) ? [injected] : [])])];
}

describe('content script', () => {
  it.each([['chrome-mv3', BUILDS.chrome], ['firefox-mv2', BUILDS.firefoxMv2]])('%s stays under the size budget without the pack or fuse.js', async (name, dir) => {
    const files = contentScripts(dir);
    expect(files.length, 'a content script exists').toBeGreaterThan(0);
    const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const bytes = Buffer.byteLength(text);
    if (name === 'chrome-mv3') {
      figures.contentScriptBytes = bytes;
      figures.contentScriptGzipBytes = gzipSync(text).length;
      figures.contentScriptBudget = CONTENT_SCRIPT_BUDGET;
      figures.contentScriptFiles = files;
    }
    // fuse.js option names survive minification.
    expect(/ignoreLocation|findAllMatches|useExtendedSearch/.test(text), 'fuse.js is not bundled').toBe(false);
    // No entry of any bundled pack: ids and source URLs.
    const { loadBundledPacks } = (await import(join(ROOT, 'scripts/lib/bundled-packs.ts'))) as { loadBundledPacks: () => { entries: { id: string; sources?: { url?: string }[] }[] }[] };
    const packs = loadBundledPacks();
    const leaks = packs.flatMap((p) => p.entries.flatMap((e) => [e.id, ...(e.sources ?? []).map((s) => s.url ?? '')])).filter((s) => s.length > 8 && text.includes(s));
    expect(leaks, 'pack data in the content script').toEqual([]);
    expect(bytes).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });
});

afterAll(() => recordFigures('build', figures));
