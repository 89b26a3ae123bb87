import { rmSync } from 'node:fs';
import { FIGURES_DIR } from './figures';

/** Stale figures must never be summarized as if measured now. */
export default function setup(): void {
  rmSync(FIGURES_DIR, { recursive: true, force: true });
}
