/**
 * The layer rule of docs/decisions/0007-layers.md, checked on every import of the extension's
 * source: core → lib → components → entrypoints, and nothing imports a layer above its own.
 * The source is read as text (no bundler), so the rule holds for type-only imports too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, LAYERS, layerOf, PACKAGES_BY_LAYER, PENDING_MOVES, upwardImports, type Layer } from './layer-rule';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = LAYERS.flatMap((layer) => sourceFiles(layer));
const pending = (file: string) => PENDING_MOVES.some((dir) => file.startsWith(dir));
const edges = files.flatMap((file) => importsOf(readFileSync(join(ROOT, file), 'utf8')).map((spec) => ({ file, spec })));

/** The project file (relative to the root) a relative import names; packages stay as written. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
}

describe('the layer rule (docs/decisions/0007-layers.md)', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
  });

  it('finds no import of a higher layer, except the moves already listed as pending', () => {
    const found = upwardImports(edges.map((e) => ({ file: e.file, target: target(e.file, e.spec) })));
    const unexpected = found.filter((e) => !pending(e.file));
    expect(unexpected.map((e) => `${e.file} imports ${e.target}`)).toEqual([]);
  });

  it('lists as pending only folders that still import upward (a finished move leaves the list)', () => {
    const found = upwardImports(edges.map((e) => ({ file: e.file, target: target(e.file, e.spec) })));
    for (const dir of PENDING_MOVES) expect(found.some((e) => e.file.startsWith(dir)), `${dir} no longer imports upward: remove it from PENDING_MOVES`).toBe(true);
  });

  it('uses from outside the project only the packages each layer may use', () => {
    const wrong = edges
      .filter((e) => !e.spec.startsWith('.') && !pending(e.file))
      .filter((e) => {
        const layer = layerOf(e.file) as Layer;
        return !PACKAGES_BY_LAYER[layer].some((p) => e.spec === p || e.spec.startsWith(`${p}/`));
      })
      .map((e) => `${e.file} imports ${e.spec}`);
    expect(wrong).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('sees static, type-only, re-export and dynamic imports, and ignores imports inside comments and strings', () => {
    const text = [
      "import { a } from '../lib/a';",
      "import type { B } from '../components/B';",
      "export { c } from './c';",
      "const d = await import('../entrypoints/d');",
      '// import { e } from "../lib/e";',
      "const s = \"import { f } from '../lib/f'\";",
      'import {',
      '  g,',
      "} from '../core/g';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['../lib/a', '../components/B', './c', '../entrypoints/d', '../core/g']);
  });

  it('calls an import of a higher layer upward and an import of the same or a lower layer fine', () => {
    const found = upwardImports([
      { file: 'core/a.ts', target: 'lib/b' },
      { file: 'lib/a.ts', target: 'components/B' },
      { file: 'components/A.tsx', target: 'entrypoints/b' },
      { file: 'components/A.tsx', target: 'lib/messages' },
      { file: 'entrypoints/a.ts', target: 'core/x' },
      { file: 'lib/a.ts', target: 'lib/b' },
      { file: 'lib/a.ts', target: 'wxt/browser' },
    ]);
    expect(found.map((e) => `${e.file}>${e.target}`)).toEqual(['core/a.ts>lib/b', 'lib/a.ts>components/B', 'components/A.tsx>entrypoints/b']);
  });
});
