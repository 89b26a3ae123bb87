/**
 * A two-entry content/ folder in a temporary directory (the real pack.yaml, two entries that link
 * each other): lets tests compile a pack without compiling the bundled one again.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_DIR } from '../../scripts/lib/content-loader';

const LINKED: Record<string, string> = { 'term-detainer': 'cfr-8-287.7', 'cfr-8-287.7': 'term-detainer' };

/** Returns the folder and the path of each entry file (to break one). */
export function miniContent(): { dir: string; entryFile: (id: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'lens-content-'));
  const pack = join(dir, 'minneapolis');
  mkdirSync(join(pack, 'entries'), { recursive: true });
  writeFileSync(join(pack, 'pack.yaml'), readFileSync(join(CONTENT_DIR, 'minneapolis', 'pack.yaml')));
  const entryFile = (id: string) => join(pack, 'entries', `${id}.yaml`);
  for (const [id, other] of Object.entries(LINKED)) {
    const yaml = readFileSync(join(CONTENT_DIR, 'minneapolis', 'entries', `${id}.yaml`), 'utf8');
    writeFileSync(entryFile(id), yaml.replace(/^related: .*$/m, `related: [${other}]`));
  }
  return { dir, entryFile };
}
