import { defineBackground } from 'wxt/utils/define-background';
import { packs, prebuiltIndex } from 'virtual:ordinance-packs';
import { setupBackground } from '../../lib/background';
import { createLookupService } from '../../lib/lookup-service';
import { setupPageScan } from '../../lib/scan/background';
import { lastLoad } from '../../lib/large-packs';

export default defineBackground(() => {
  const service = createLookupService(packs, prebuiltIndex);
  const handlers = setupBackground(service);
  const pageScan = setupPageScan(packs);
  if (import.meta.env.MODE === 'e2e') {
    // Test-only hook (e2e builds only): runs the same handler the context menu calls.
    (globalThis as Record<string, unknown>).__lensTest = {
      lookupInActiveTab: handlers.lookupInActiveTab,
      explainPageInActiveTab: pageScan.explainInActiveTab,
      commandInActiveTab: handlers.commandInActiveTab,
      /** Where this worker's index came from ('cache': loaded from storage, not rebuilt). */
      indexSource: () => service.indexSource(),
      /** How long this worker's start took to read the packs and load their index (lib/large-packs.ts). */
      loadTimings: () => ({ ...lastLoad, sinceWorkerStartMs: Math.round(performance.now()) }),
    };
  }
});
