/**
 * Promise 4, hostile pages cannot break the card and the card cannot break the page.
 * For each fixture (served on 127.0.0.1, with a second origin on 127.0.0.2): select the target,
 * run the context-menu handler, and check that
 *  - the card appears with the right entry (title of § 19.30);
 *  - nothing but our one host element is added, as a child of <html>/<body>, with no attribute
 *    but its inline style; no script, img, iframe or object inside it; page text never runs;
 *  - the card keeps its own styles and its close button is what a click there hits (browser hit
 *    testing), and clicking it removes the card;
 *  - the page's DOM outside our host (read through DevTools, closed roots and same-origin frames
 *    included) is identical before the lookup and after dismissal;
 *  - plus the fixture's own checks (no CSP violation, no poisoned hook called, no input event …).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLens, mainEval, type Lens } from '../support/lens-browser';
import { diffSnapshots, domSnapshot, subtree, type Snapshot } from '../support/dom-snapshot';
import { cardHostIds, cardStyle, hitTest, selectTarget, waitForCard, waitForNoCard } from '../support/lens-card';
import { recordFigures } from './lib/figures';
import { trustFixtures } from './lib/server';
import type { FixtureServer } from '../support/fixture-server';

const TITLE = /Public safety services/;

interface Case {
  name: string;
  path: string;
  select: string;
  expect?: RegExp;
  /** Extra checks after the card is shown; return problems. */
  extra?: (page: Page, cardText: string) => Promise<string[]>;
  /** How the reader dismisses the card (default: its close button). */
  dismiss?: 'escape';
  /** Called right after the lookup starts (the SPA navigates then). */
  during?: (page: Page) => Promise<void>;
}

const noMainGlobal = (name: string) => async (page: Page) => {
  const v = await mainEval<unknown>(page, `window[${JSON.stringify(name)}]`);
  return v === undefined ? [] : [`page global ${name} = ${JSON.stringify(v)}`];
};

const CASES: Case[] = [
  { name: 'plain article (baseline)', path: 'plain.html', select: '#target' },
  {
    name: 'strict CSP with Trusted Types',
    path: 'strict-csp.html',
    select: '#target',
    extra: async (page) => {
      const v = await mainEval<string[]>(page, 'window.__cspViolations');
      return v.length ? [`CSP violations: ${v.join('; ')}`] : [];
    },
  },
  {
    name: 'overridden Array.prototype, JSON, bind, attachShadow, MutationObserver',
    path: 'poisoned.html',
    select: '#target',
    extra: async (page) => {
      const hooked = await mainEval<string[]>(page, 'window.__hooked.slice()');
      return hooked.length ? [`page hooks saw: ${hooked.join(', ')}`] : [];
    },
  },
  { name: 'hostile CSS (all: unset, zoom, filters, max z-index overlays)', path: 'hostile-css.html', select: '#target' },
  { name: '5 MB of text in 100,000 nodes', path: 'huge.html', select: '#target' },
  { name: 'same-origin, cross-origin, sandboxed and nested iframes', path: 'iframes.html', select: '#target' },
  {
    name: 'contenteditable',
    path: 'editable.html',
    select: '#target',
    extra: async (page) => {
      const r = await mainEval<{ inputs: number; submitted: unknown; area: string; field: string }>(page, '({ inputs: window.__inputs, submitted: window.__submitted, area: document.getElementById("area").value, field: document.getElementById("field").value })');
      const p: string[] = [];
      if (r.inputs) p.push(`${r.inputs} input events`);
      if (r.submitted) p.push('form submitted');
      if (r.area !== 'Notes on Minneapolis Code of Ordinances § 19.30' || r.field !== 'Minneapolis Code of Ordinances § 19.30') p.push('form values changed');
      return p;
    },
  },
  {
    name: 'a selection inside a textarea',
    path: 'editable.html',
    select: '#area',
    extra: async (page) => {
      const r = await mainEval<{ inputs: number; area: string }>(page, '({ inputs: window.__inputs, area: document.getElementById("area").value })');
      return [...(r.inputs ? [`${r.inputs} input events`] : []), ...(r.area !== 'Notes on Minneapolis Code of Ordinances § 19.30' ? ['textarea value changed'] : [])];
    },
  },
  { name: "the page's own open and closed shadow roots", path: 'shadow-page.html', select: '#inner-target' },
  { name: 'a modal dialog and a popover in the top layer', path: 'dialog.html', select: '#target' },
  { name: 'Esc closes the card, not the page\'s modal dialog', path: 'dialog.html', select: '#target', dismiss: 'escape' },
  {
    name: 'a single-page app navigating during the lookup',
    path: 'spa.html',
    select: '#target',
    during: async (page) => {
      await mainEval(page, 'window.__navigate(2)');
    },
    extra: async (page) => {
      const r = await mainEval<{ url: string; text: string }>(page, '({ url: location.search, text: document.getElementById("app").textContent })');
      return r.url === '?view=2' && r.text.startsWith('Page 2:') ? [] : [`the app's own navigation was disturbed: ${JSON.stringify(r)}`];
    },
  },
  {
    name: 'text that looks like markup',
    path: 'markup-text.html',
    select: '#target',
    extra: async (page, text) => [...(await noMainGlobal('__pwned')(page)), ...(/<img src=x onerror/.test(text) ? [] : ['the card does not show the selected text literally'])],
  },
  { name: 'fullwidth "§ １９.３０"', path: 'unicode.html', select: '#target' },
  { name: 'RTL (Arabic) around the citation', path: 'unicode.html', select: '#rtl' },
  { name: 'RTL (Hebrew) around the citation', path: 'unicode.html', select: '#hebrew' },
  { name: 'bidi control characters', path: 'unicode.html', select: '#target-bidi' },
  { name: 'NFD text', path: 'unicode.html', select: '#target-nfd' },
  { name: 'emoji sequences', path: 'unicode.html', select: '#target-emoji' },
];

let lens: Lens;
let server: FixtureServer;
const results: { name: string; passed: boolean; problems: string[] }[] = [];

beforeAll(async () => {
  server = await trustFixtures().start();
  lens = await launchLens();
});
afterAll(async () => {
  recordFigures('hostile', { passed: results.filter((r) => r.passed).length, total: CASES.length, cases: results });
  await lens?.close();
  await server?.stop();
});

function hostProblems(before: Snapshot, during: Snapshot): string[] {
  const p: string[] = [];
  const { addedRoots, changes } = diffSnapshots(before, during);
  const hosts = cardHostIds(during);
  if (hosts.length !== 1) p.push(`${hosts.length} card hosts on the page`);
  const foreign = addedRoots.filter((id) => !hosts.includes(id));
  if (foreign.length) p.push(`added to the page besides our host: ${foreign.map((id) => during.get(id)?.name).join(', ')}`);
  p.push(...changes.map((c) => `while shown: ${c}`));
  for (const h of hosts) {
    const host = during.get(h)!;
    const parent = during.get(host.parent ?? -1);
    // <html> or <body>; or the page's topmost modal <dialog> (anywhere else would be inert).
    if (!parent || !['HTML', 'BODY', 'DIALOG'].includes(parent.name)) p.push(`host is inside ${parent?.name ?? 'nothing'}`);
    // Its inline style, and `popover` to enter the top layer above the page's dialogs.
    const attrNames = host.attrs.filter((_, i) => i % 2 === 0);
    if (attrNames.some((a) => a !== 'style' && a !== 'popover')) p.push(`host attributes: ${attrNames.join(', ')}`);
    const inside = subtree(during, h).map((n) => n.name);
    const bad = inside.filter((n) => ['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'LINK', 'svg', 'VIDEO', 'AUDIO'].includes(n));
    if (bad.length) p.push(`the card contains ${bad.join(', ')}`);
  }
  return p;
}

describe('hostile pages', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const problems: string[] = [];
    const page = await lens.ctx.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Ordinance Lens|chrome-extension:/.test(m.text())) errors.push(m.text());
    });
    try {
      await page.goto(server.url(c.path), { waitUntil: 'load' });
      const text = await selectTarget(page, c.select);
      const before = await domSnapshot(page);
      const pending = lens.lookupInActiveTab(page, text);
      let reference = before;
      if (c.during) {
        await c.during(page);
        reference = await domSnapshot(page);
      }
      const outcome = await pending;
      if (outcome.surface !== 'card') problems.push(`no card: ${outcome.surface} (${outcome.reason ?? ''})`);
      let cardText = '';
      try {
        cardText = await waitForCard(page);
      } catch (e) {
        problems.push(String(e));
      }
      if (cardText && !(c.expect ?? TITLE).test(cardText)) problems.push(`card does not show the entry: ${cardText.slice(0, 160).replace(/\s+/g, ' ')}`);
      if (cardText) {
        const during = await domSnapshot(page);
        problems.push(...hostProblems(reference, during));
        const style = await cardStyle(page, ['background-color', 'font-size', 'display', 'visibility', 'opacity']);
        if (!style['background-color'] || /rgba\(0, 0, 0, 0\)|transparent/.test(style['background-color'])) problems.push(`card lost its background: ${style['background-color']}`);
        if (parseFloat(style['font-size'] ?? '0') < 11) problems.push(`card font-size ${style['font-size']}`);
        if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') problems.push(`card hidden: ${JSON.stringify(style)}`);
        if (c.extra) problems.push(...(await c.extra(page, cardText)));
        const hit = await hitTest(page, '[data-ol="close"]');
        if (!hit.ok) problems.push(`not on top: a click on the close button would hit ${hit.hit}`);
        // Dismiss the way a reader does: click the close button (Esc if the click cannot reach it).
        if (hit.point && hit.ok && c.dismiss !== 'escape') await page.mouse.click(hit.point.x, hit.point.y);
        else await page.keyboard.press('Escape');
        if (!(await waitForNoCard(page))) problems.push('the card did not go away');
        const after = await domSnapshot(page);
        // (When the SPA navigated after our host appeared, the reference holds the host: ignore its removal.)
        const refHosts = new Set(cardHostIds(reference).flatMap((id) => subtree(reference, id).map((n) => n.id)));
        const refWithoutCard: Snapshot = new Map([...reference].filter(([id]) => !refHosts.has(id)));
        const final = diffSnapshots(refWithoutCard, after);
        problems.push(...final.changes.filter((x) => !(refHosts.size && x === 'children of HTML changed')).map((x) => `after dismissal: ${x}`));
        if (final.addedRoots.length) problems.push(`after dismissal, still added: ${final.addedRoots.map((id) => after.get(id)?.name).join(', ')}`);
      }
      problems.push(...errors.map((e) => `console: ${e}`));
    } finally {
      results.push({ name: c.name, passed: problems.length === 0, problems });
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
