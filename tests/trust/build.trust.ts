/**
 * Promise 8, a reviewable build:
 * - web-ext lint reports 0 errors on both Firefox builds;
 * - two clean builds, from two copies of the source in different folders, are byte-identical;
 * - every script that runs in web pages (the card, the page-scan scripts) stays under the size
 *   budget, and neither the pack nor fuse.js is in any of them.
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

/** Raw bytes of one script that runs in web pages. The card is Preact + our components, nothing more. */
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

/**
 * The script files of a build that run inside web pages: declared in the manifest, registered at
 * run time by WXT (content-scripts/), and the unlisted scripts at the build's top level, which
 * the background injects on request (the card, "Explain this page") or registers for the sites
 * where the reader turned on "always explain" (page-scan-auto.js + page-scan.js). Only
 * background.js at the top level is not one of them.
 */
export function pageScripts(dir: string): string[] {
  const declared = (readManifest(dir).content_scripts ?? []).flatMap((c) => c.js ?? []);
  const files = listFiles(dir);
  const runtime = files.filter((f) => f.startsWith('content-scripts/') && f.endsWith('.js'));
  const unlisted = files.filter((f) => !f.includes('/') && f.endsWith('.js') && f !== 'background.js');
  return [...new Set([...declared, ...runtime, ...unlisted])];
}

/** The scripts the background injects, by the constants it uses (the card's CARD_SCRIPT, the page scan's SCAN_SCRIPT). */
function injectedScripts(): string[] {
  const named = (file: string, constant: string) => new RegExp(`${constant}\\s*=\\s*['"]\\/?([^'"]+)['"]`).exec(readFileSync(join(ROOT, file), 'utf8'))?.[1] ?? `${constant} not found in ${file}`;
  return [named('lib/background/lookup-in-tab.ts', 'CARD_SCRIPT'), named('lib/scan/background.ts', 'SCAN_SCRIPT')];
}

/** No entry of any bundled pack (ids and source URLs) in `text`. */
async function packLeaks(text: string): Promise<string[]> {
  const { loadBundledPacks } = (await import(join(ROOT, 'scripts/lib/bundled-packs.ts'))) as { loadBundledPacks: () => { entries: { id: string; sources?: { url?: string }[] }[] }[] };
  return loadBundledPacks()
    .flatMap((p) => p.entries.flatMap((e) => [e.id, ...(e.sources ?? []).map((s) => s.url ?? '')]))
    .filter((s) => s.length > 8 && text.includes(s));
}

describe('scripts that run in web pages', () => {
  it.each([['chrome-mv3', BUILDS.chrome], ['firefox-mv2', BUILDS.firefoxMv2], ['firefox-mv3', BUILDS.firefoxMv3]])('%s: each stays under the size budget without the pack or fuse.js', async (name, dir) => {
    const files = pageScripts(dir);
    // The card and both page-scan scripts are found (by the names the background uses), so the checks below read them.
    expect(files).toEqual(expect.arrayContaining([...injectedScripts(), 'page-scan-auto.js']));
    const sizes: Record<string, number> = {};
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      sizes[f] = Buffer.byteLength(text);
      // fuse.js option names survive minification.
      expect(/ignoreLocation|findAllMatches|useExtendedSearch/.test(text), `fuse.js is not bundled in ${f}`).toBe(false);
      expect(await packLeaks(text), `pack data in ${f}`).toEqual([]);
      expect(sizes[f], `${f} bytes`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    }
    if (name === 'chrome-mv3') {
      // The largest one (the summary's figure), then each.
      figures.contentScriptBytes = Math.max(...Object.values(sizes));
      figures.contentScriptSizes = sizes;
      figures.contentScriptGzipBytes = Object.fromEntries(files.map((f) => [f, gzipSync(readFileSync(join(dir, f))).length]));
      figures.contentScriptBudget = CONTENT_SCRIPT_BUDGET;
      figures.contentScriptFiles = files;
    }
  });
});

afterAll(() => recordFigures('build', figures));
