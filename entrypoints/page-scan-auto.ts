import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/**
 * Runs just before page-scan.js on the sites where the reader turned on "always explain pages
 * here" (registered by lib/scan/always-here.ts for those sites only): tells it to start by itself,
 * since no popup button or shortcut will ask it to.
 */
export default defineUnlistedScript({
  main() {
    (globalThis as { __olScanAuto?: true }).__olScanAuto = true;
  },
});
