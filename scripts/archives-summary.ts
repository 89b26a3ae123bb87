/**
 * Prints what tests/trust/archives.trust.ts measured (.ci-out/trust/archives.json): the store
 * archives' sizes against their budgets, whether they rebuilt byte-identical from the sources
 * archive, and web-ext lint on the Firefox archive. Informational: the test itself passes or fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_ARCHIVE_BUDGET, SOURCES_ARCHIVE_BUDGET } from './lib/store-budgets';

const file = join(resolve(import.meta.dirname, '..'), '.ci-out/trust/archives.json');
const f = existsSync(file)
  ? (JSON.parse(readFileSync(file, 'utf8')) as {
      archiveBytes?: Record<'chrome' | 'firefox' | 'sources', number>;
      archivesReproducible?: boolean;
      lintFirefoxArchive?: { errors: number; warnings: number };
    })
  : {};
const kb = (n: number | undefined) => (n === undefined ? 'not measured' : `${(n / 1024).toFixed(1)} KB`);
const b = f.archiveBytes;
console.log('');
console.log('=== Store archives (npm run zip, docs/store/README.md)');
console.log(`chrome ${kb(b?.chrome)}, firefox ${kb(b?.firefox)} (budget ${kb(EXTENSION_ARCHIVE_BUDGET)} each); sources ${kb(b?.sources)} (budget ${kb(SOURCES_ARCHIVE_BUDGET)})`);
console.log(`rebuilt byte-identical from the sources archive: ${f.archivesReproducible === undefined ? 'not measured' : f.archivesReproducible ? 'yes' : 'NO'}`);
const lint = f.lintFirefoxArchive;
console.log(`web-ext lint on the Firefox archive: ${lint ? `${lint.errors} errors, ${lint.warnings} warnings` : 'not measured'}`);
