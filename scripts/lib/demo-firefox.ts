/**
 * `npm run demo -- --firefox`: firefox-esr with the built extension (web-ext run, a temporary
 * add-on) on the sample article; with `--headless`, a smoke run through Firefox's own keyboard
 * command on the production build (tests/support/firefox.ts drives it over WebDriver BiDi).
 */
import { spawn } from 'node:child_process';
import { FIREFOX, launchFirefox, pressCommand, waitForFirefoxCard } from '../../tests/support/firefox';
import { BUILDS, ROOT, ensureBuild } from './demo-build';
import { DEMO_DIR, DEMO_PAGE, SMOKE_PHRASE, TRY_LINES, printCard } from './demo-page';
import { serveFolder } from './static-server';

export async function demoFirefox(): Promise<number> {
  ensureBuild(BUILDS.firefox);
  const server = await serveFolder(DEMO_DIR);
  try {
    console.log(['Opening Firefox on the sample article with Ordinance Lens loaded (a temporary add-on).', ...TRY_LINES, 'Close Firefox (or press Ctrl+C here) to end the demo.'].join('\n'));
    const args = ['web-ext', 'run', '--no-config-discovery', '--no-reload', '--source-dir', BUILDS.firefox.dir, '--firefox', FIREFOX, '--start-url', server.url(DEMO_PAGE)];
    const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    return await new Promise<number>((ok) => child.on('exit', (code) => ok(code ?? 0)));
  } finally {
    await server.close();
  }
}

export async function smokeFirefox(): Promise<number> {
  ensureBuild(BUILDS.firefox);
  const server = await serveFolder(DEMO_DIR);
  const lens = await launchFirefox(BUILDS.firefox.dir);
  try {
    console.log('Firefox (headless) installed the extension');
    const page = await lens.browser.newPage();
    await page.goto(server.url(DEMO_PAGE));
    console.log(`opened the sample article: ${await page.title()}`);
    const found = await page.evaluate((phrase) => {
      const range = document.createRange();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n.textContent ?? '').indexOf(phrase);
        if (at < 0) continue;
        range.setStart(n, at);
        range.setEnd(n, at + phrase.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return true;
      }
      return false;
    }, SMOKE_PHRASE);
    if (!found) throw new Error(`"${SMOKE_PHRASE}" is not on the sample page`);
    await pressCommand(lens);
    console.log(`selected "${SMOKE_PHRASE}" and pressed the extension's shortcut (Alt+Shift+L)`);
    return printCard(await waitForFirefoxCard(lens, page, 20_000));
  } finally {
    await lens.close();
    await server.close();
  }
}
