/**
 * Debian Chromium with the built extension loaded, for the e2e and trust suites
 * (../shared/TOOLCHAIN.md has the recipe): headless, a fresh profile, and the background
 * networking Chromium does on its own turned off (this machine refuses it, and the trust suite
 * counts every request).
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  ctx: BrowserContext;
  extensionId: string;
  /** The live service worker (a fresh handle after a restart). */
  worker(): Promise<Worker>;
}

export async function launchWithExtension(
  ext: string,
  // headless: false and viewport: null are for `npm run demo` (a window a person uses, sized by them).
  opts: { userDataDir: string; viewport?: { width: number; height: number } | null; extraArgs?: string[]; headless?: boolean },
): Promise<ExtensionBrowser> {
  const ctx = await chromium.launchPersistentContext(opts.userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    ...(opts.viewport !== undefined ? { viewport: opts.viewport } : {}),
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(opts.extraArgs ?? []),
    ],
  });
  const first = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(first.url()).host;
  const worker = async (): Promise<Worker> => {
    const live = ctx.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    return live[live.length - 1] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
  };
  return { ctx, extensionId, worker };
}
