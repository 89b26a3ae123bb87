/**
 * The unit suite compiles the bundled packs once per run (tests/support/bundled-setup.ts); a test
 * file that compiled them itself would add ~0.85 s of YAML and schema work again. Only the tests of
 * the compiler and of the CLI that wraps it may call it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const TESTS_OF_THE_COMPILER = ['tests/core/index.test.ts'];

function unitTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['e2e', 'trust', 'firefox'].includes(name) ? [] : unitTests(path);
    return /\.test\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

it('no unit test file compiles the bundled packs itself (they come from tests/support/bundled.ts)', () => {
  const files = unitTests(join(ROOT, 'tests'));
  expect(files.length).toBeGreaterThan(40);
  const compiling = files
    .filter((f) => !TESTS_OF_THE_COMPILER.includes(f))
    .filter((f) => /\b(loadBundledPacks|bundledEntries)\b[^\n]*from '[./]*scripts\/(lib\/bundled-packs|commands\/lookup)'/.test(readFileSync(join(ROOT, f), 'utf8')));
  expect(compiling).toEqual([]);
});
