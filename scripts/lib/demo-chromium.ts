/**
 * `npm run demo` in Chromium: a window with the built extension on the sample article, or with
 * `--headless` a smoke run that asks for one card and prints it (tests/e2e/demo.e2e.ts runs it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../../tests/support/chromium';
import { cardText, selectText, startHarness, waitForCard } from '../../tests/e2e/harness';
import { BUILDS, ensureBuild } from './demo-build';
import { DEMO_DIR, DEMO_PAGE, SMOKE_PHRASE, TRY_LINES, printCard } from './demo-page';
import { serveFolder } from './static-server';

/** Opens a Chromium window on the sample article; resolves when the person closes the browser. */
export async function demoChromium(): Promise<number> {
  ensureBuild(BUILDS.chrome);
  const server = await serveFolder(DEMO_DIR);
  const userDataDir = mkdtempSync(join(tmpdir(), 'lens-demo-'));
  try {
    const { ctx } = await launchWithExtension(BUILDS.chrome.dir, { userDataDir, headless: false, viewport: null });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(server.url(DEMO_PAGE));
    await page.bringToFront();
    console.log(['Chromium is open on the sample article with Ordinance Lens loaded.', ...TRY_LINES, 'Close the browser window (or press Ctrl+C here) to end the demo.'].join('\n'));
    const closed = new Promise<void>((ok) => ctx.on('close', () => ok()));
    process.once('SIGINT', () => void ctx.close());
    await closed;
    return 0;
  } finally {
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * Headless: loads the e2e build (its test hook runs the same handler the right-click menu calls,
 * which a script cannot click), selects a phrase of the sample article, asks for the card and
 * prints what it showed. Exit 0 only when a card with an answer appeared.
 */
export async function smokeChromium(): Promise<number> {
  ensureBuild(BUILDS.chromeE2e);
  const h = await startHarness({ fixtures: DEMO_DIR, build: BUILDS.chromeE2e.dir });
  try {
    console.log(`Chromium (headless) loaded the extension ${h.extensionId}`);
    const page = await h.openFixture(DEMO_PAGE);
    console.log(`opened the sample article: ${await page.title()}`);
    await selectText(page, SMOKE_PHRASE);
    const outcome = await h.lookup(page, SMOKE_PHRASE);
    console.log(`selected "${SMOKE_PHRASE}" and asked Ordinance Lens: the answer went to the ${outcome.surface}${outcome.reason ? ` (${outcome.reason})` : ''}`);
    if (outcome.surface !== 'card') return 1;
    await waitForCard(page, 20_000);
    return printCard(await cardText(page));
  } finally {
    await h.close();
  }
}
