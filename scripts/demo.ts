/**
 * `npm run demo [-- --firefox] [-- --headless]`: see Ordinance Lens without loading it by hand.
 * Builds the extension if needed, serves the bundled sample article (docs/demo/, our own text)
 * on 127.0.0.1 and opens Chromium (CHROMIUM_PATH or /usr/bin/chromium) or firefox-esr
 * (FIREFOX_PATH) with the extension loaded on it. With --headless: a smoke run that selects a
 * phrase, asks for the card, prints what it showed and exits 0 (tests/e2e/demo.e2e.ts runs it).
 */
import { runCommand, type CommandSpec } from './lib/cli-args';

const spec = {
  name: 'demo',
  program: 'npm run demo',
  synopsis: '-- [--firefox] [--headless]',
  summary: 'open a browser with the built extension loaded on a sample article, ready to highlight',
  positionals: false,
  options: {
    firefox: { type: 'boolean', help: 'use firefox-esr (web-ext run) instead of Chromium' },
    headless: { type: 'boolean', help: 'no window: select a phrase, ask for the card, print what it showed, exit 0 (a smoke test)' },
  },
} as const satisfies CommandSpec;

/** A window needs a display; on Linux without one, say so instead of a browser stack trace. */
function noDisplay(): boolean {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

const code = await runCommand(spec, process.argv.slice(2), async (v) => {
  if (!v.headless && noDisplay()) {
    console.error('npm run demo: no display here (DISPLAY is not set), so no browser window can open; npm run demo -- --headless runs the demo without a window and prints what the card showed.');
    return 1;
  }
  if (v.firefox) {
    const ff = await import('./lib/demo-firefox');
    return v.headless ? ff.smokeFirefox() : ff.demoFirefox();
  }
  const cr = await import('./lib/demo-chromium');
  return v.headless ? cr.smokeChromium() : cr.demoChromium();
}).catch((err: unknown) => {
  console.error(`npm run demo: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  return 1;
});
process.exit(code);
