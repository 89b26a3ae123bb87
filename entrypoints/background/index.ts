import { defineBackground } from 'wxt/utils/define-background';
import { packs } from 'virtual:ordinance-packs';

// Minimal background; the reader-experience issue wires the context menu, commands and lookup.
export default defineBackground(() => {
  console.debug(`Ordinance Lens: ${packs.reduce((n, p) => n + p.entries.length, 0)} entries loaded`);
});
