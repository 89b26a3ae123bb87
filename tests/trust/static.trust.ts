/**
 * Promise 1, static half: the builds cannot reach the network and evaluate no strings as code.
 * - The extension-page CSP allows only the extension itself.
 * - No network API call site in any bundle (fetch, XHR, WebSocket, EventSource, sendBeacon,
 *   importScripts, remote import or script/link tags), except the documented allowances below.
 * - No eval / new Function / string timers in our source; in bundles only zod's two JIT sites,
 *   which `z.config({ jitless: true })` (core/schema/zod.ts) keeps from running, and every zod
 *   import goes through that module.
 * - Our source never writes markup from strings (innerHTML and friends), so page text cannot run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDS, listFiles, readManifest, readText, requireBuild } from './lib/builds';
import { recordFigures, ROOT } from './lib/figures';

const figures = { remoteFetchSites: 0, evalSites: 0, zodJitSites: 0, markupSinks: 0, cspOk: true, jitless: false, problems: [] as string[] };

/** The shipping builds (the e2e build carries a test hook and is never published). */
const ALL_BUILDS = BUILDS;

/** Network APIs. Any match in a bundle is a finding unless an allowance below explains it. */
const NETWORK = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|\bsendBeacon\b|\bimportScripts\s*\(|\bimport\s*\(\s*["'`]https?:|\bnew\s+Worker\s*\(|\bRTCPeerConnection\b|\bWebTransport\b/g;
/** Allowances: [why, test on the ±200 characters around the match]. Keep this list short. */
const NETWORK_ALLOWED: [string, RegExp][] = [
  ['fetch of our own packaged file (runtime.getURL)', /getURL\s*\(/],
  // Vite's modulepreload polyfill: re-fetches the page's own <link rel="modulepreload" href="/chunks/…">
  // (packaged files); connect-src 'self' bounds it too.
  ['Vite modulepreload polyfill (own chunks only)', /\.ep\)return;\w+\.ep=!0;const \w+=\w+\(\w+\);fetch\(\w+\.href,\w+\)/],
  // The settings page's large-pack import worker (lib/large-pack-client.ts): its URL is our own
  // packaged script (checked below, `ownWorkerScripts`); script-src 'self' bounds it too.
  ['the large-pack import worker (a packaged script)', /new Worker\(\w+,\{type:"module",name:"large-pack-import"\}\)/],
];

/** Where a bundle starts the import worker, the URL it gives is a file of the same build. */
function ownWorkerScripts(build: string, dir: string): string[] {
  const found: string[] = [];
  for (const file of listFiles(dir).filter((f) => /\.m?js$/.test(f))) {
    const text = readText(dir, file);
    if (!text.includes('name:"large-pack-import"')) continue;
    const urls = [...text.matchAll(/"\/(assets\/large-pack-worker-[\w-]+\.js)"/g)].map((m) => m[1]!);
    if (urls.length !== 1 || !listFiles(dir).includes(urls[0]!)) found.push(`${build}/${file}: the import worker's script is not one packaged file (${urls.join(', ') || 'no URL found'})`);
  }
  return found;
}

const EVAL = /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|[=,(:?]\s*Function\b(?!\s*[.[])|\bset(?:Timeout|Interval)\s*\(\s*["'`]/g;

function scanBundles(re: RegExp, onMatch: (build: string, file: string, context: string) => void) {
  for (const [name, dir] of Object.entries(ALL_BUILDS)) {
    requireBuild(dir);
    for (const file of listFiles(dir).filter((f) => /\.(m?js|html)$/.test(f))) {
      const text = readText(dir, file);
      for (const m of text.matchAll(re)) onMatch(name, file, text.slice(Math.max(0, m.index - 200), m.index + 200));
    }
  }
}

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(p);
    }
  };
  for (const d of ['entrypoints', 'components', 'lib', 'core']) {
    try {
      walk(join(ROOT, d));
    } catch {
      /* folder not there yet */
    }
  }
  return out;
}

describe('extension-page CSP', () => {
  it.each(Object.keys(BUILDS))('%s allows only the extension itself', (build) => {
    const m = readManifest(BUILDS[build as keyof typeof BUILDS]);
    const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
    expect(csp, 'a CSP is declared').toBeTypeOf('string');
    const directives = new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!, d.slice(1)]));
    const bad: string[] = [];
    if (JSON.stringify(directives.get('script-src')) !== `["'self'"]`) bad.push(`script-src ${directives.get('script-src')?.join(' ')}`);
    if (JSON.stringify(directives.get('connect-src')) !== `["'self'"]`) bad.push(`connect-src ${directives.get('connect-src')?.join(' ')}`);
    if (JSON.stringify(directives.get('object-src')) !== `["'none'"]`) bad.push(`object-src ${directives.get('object-src')?.join(' ')}`);
    if (JSON.stringify(directives.get('default-src')) !== `["'self'"]`) bad.push(`default-src ${directives.get('default-src')?.join(' ')}`);
    for (const [name, values] of directives) {
      for (const v of values) if (/^(https?:|wss?:|\*|'unsafe-eval'|'wasm-unsafe-eval'|blob:|filesystem:)/.test(v) || (v === 'data:' && name !== 'img-src')) bad.push(`${name} ${v}`);
    }
    if (typeof m.content_security_policy === 'object' && m.content_security_policy.sandbox) bad.push('sandbox CSP');
    if (m.sandbox) bad.push('sandbox pages');
    if (bad.length) {
      figures.cspOk = false;
      figures.problems.push(`${build} CSP: ${bad.join('; ')}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('bundles', () => {
  it('contain no call that could reach the network', () => {
    const found: string[] = [];
    scanBundles(NETWORK, (build, file, ctx) => {
      const why = NETWORK_ALLOWED.find(([, re]) => re.test(ctx));
      if (!why) found.push(`${build}/${file}: …${ctx.slice(150, 260).replace(/\s+/g, ' ')}…`);
    });
    // HTML pages load only packaged files; the import worker is a packaged script.
    for (const [build, dir] of Object.entries(ALL_BUILDS)) {
      found.push(...ownWorkerScripts(build, dir));
      for (const file of listFiles(dir).filter((f) => f.endsWith('.html'))) {
        const html = readText(dir, file);
        for (const m of html.matchAll(/\b(?:src|href|action|formaction|data|poster|srcset)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]+/gi)) found.push(`${build}/${file}: ${m[0]}`);
      }
    }
    figures.remoteFetchSites = found.length;
    figures.problems.push(...found.map((f) => `network call site ${f}`));
    expect(found).toEqual([]);
  });

  it('evaluate no strings as code: only zod JIT sites, and zod is configured jitless', () => {
    const found: string[] = [];
    let zod = 0;
    const jitlessIn = new Map<string, boolean>();
    scanBundles(EVAL, (build, file, ctx) => {
      const key = `${build}/${file}`;
      if (!jitlessIn.has(key)) jitlessIn.set(key, /jitless\s*:\s*(?:!0|true)\b/.test(readText(ALL_BUILDS[build as keyof typeof ALL_BUILDS], file)));
      // zod's JIT: its `allowsEval` probe, its compiled object parsers, and its code builder
      // (`Doc.compile`, recognisable by `this?.content ?? [""]`); all unused when jitless.
      const zodSite = /jitless|return \(input\) =>|Cloudflare|ZodCompileUnsupportedError|generated code failed to evaluate|compile\(\)\{const \w+=Function,\w+=this\?\.content\?\?\[""\]/.test(ctx);
      if (zodSite && jitlessIn.get(key)) zod++;
      else found.push(`${key}: …${ctx.slice(150, 260).replace(/\s+/g, ' ')}…${zodSite ? ' (zod JIT site in a bundle that never sets jitless)' : ''}`);
    });
    figures.evalSites = found.length;
    figures.zodJitSites = zod;
    figures.problems.push(...found.map((f) => `eval site ${f}`));
    expect(found).toEqual([]);
  });
});

describe('our source', () => {
  it('has no eval, new Function or string timers', () => {
    const found = sourceFiles().flatMap((f) => {
      const text = readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      return [...text.matchAll(EVAL)].map((m) => `${relative(ROOT, f)}: ${m[0]}`);
    });
    figures.evalSites += found.length;
    figures.problems.push(...found);
    expect(found).toEqual([]);
  });

  it('never turns strings into markup (innerHTML, outerHTML, insertAdjacentHTML, document.write, dangerouslySetInnerHTML, createContextualFragment)', () => {
    const sink = /\.(?:inner|outer)HTML\s*=|insertAdjacentHTML|document\.write(?:ln)?\s*\(|dangerouslySetInnerHTML|createContextualFragment|DOMParser|srcdoc\s*=/g;
    const found = sourceFiles().flatMap((f) => {
      const text = readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      return [...text.matchAll(sink)].map((m) => `${relative(ROOT, f)}: ${m[0]}`);
    });
    figures.markupSinks = found.length;
    figures.problems.push(...found.map((f) => `markup sink ${f}`));
    expect(found).toEqual([]);
  });

  it('imports zod only through core/schema/zod.ts, which sets jitless', async () => {
    const direct = sourceFiles()
      .filter((f) => !f.endsWith(join('core', 'schema', 'zod.ts')))
      .filter((f) => /from\s+["']zod(?:\/[^"']*)?["']|import\s*\(\s*["']zod/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    figures.problems.push(...direct.map((f) => `${f} imports zod directly (bypasses jitless)`));
    expect(direct).toEqual([]);
    const { z } = await import('../../core/schema/zod');
    figures.jitless = z.config().jitless === true && direct.length === 0;
    expect(z.config().jitless).toBe(true);
  });
});

afterAll(() => recordFigures('static', figures));
