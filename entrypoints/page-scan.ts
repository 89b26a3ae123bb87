import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageScan } from '../lib/scan/page-controller';
import { CardController } from '../components/card/card-controller';
import type { PageScanMessage, PageScanProtocol } from '../lib/scan/protocol';
import { listenForPageScan } from '../lib/scan/page-listener';

/**
 * "Explain this page": injected when the reader asks (popup button or shortcut, activeTab +
 * scripting), like the card script; registered only for the sites where the reader turned on
 * "always explain pages here" (page-scan-auto.js runs first and sets the flag: then it starts by
 * itself). Asked again while its marks are on, it clears them (the shortcut toggles).
 */
export default defineUnlistedScript({
  main() {
    const g = globalThis as { __olScan?: true; __olScanAuto?: true; __olScanStats?: PageScan['stats'] };
    if (g.__olScan) return; // injected again: the first listener answers
    g.__olScan = true;
    const scan = new PageScan(new CardController(document), document);

    async function handle(m: PageScanMessage): Promise<PageScanProtocol[typeof m.type]['res']> {
      switch (m.type) {
        case 'scan:start': {
          if (scan.active) {
            scan.clear();
            return { ok: true, marks: 0 };
          }
          if (!(document.documentElement instanceof HTMLElement) || !document.body) return { ok: false };
          const marks = await scan.start();
          g.__olScanStats = scan.stats;
          return { ok: true, marks };
        }
        case 'scan:jump':
          return { ok: scan.jump(m.id, m.n) };
        case 'scan:clear':
          scan.clear();
          return { ok: true };
      }
    }

    listenForPageScan(handle);

    if (g.__olScanAuto && document.documentElement instanceof HTMLElement && document.body) {
      void scan.start().then(
        () => (g.__olScanStats = scan.stats),
        (err: unknown) => console.debug('[Ordinance Lens] page not explained:', String(err)),
      );
    }
  },
});
