/**
 * The layer rule as data, and the small parser tests/architecture/layers.test.ts applies to it.
 * docs/decisions/0007-layers.md says why the layers are what they are.
 */

/** Lowest first: a file may import its own layer and the ones before it, never one after it. */
export const LAYERS = ['core', 'lib', 'components', 'entrypoints'] as const;
export type Layer = (typeof LAYERS)[number];

/**
 * Packages each layer may import. core/ is pure (zod for schemas, fuse.js for short fuzzy
 * strings); browser APIs come in through lib/ (wxt/browser); Preact starts at components/.
 */
export const PACKAGES_BY_LAYER: Record<Layer, readonly string[]> = {
  core: ['zod', 'fuse.js'],
  lib: ['wxt/browser'],
  components: ['preact'],
  entrypoints: ['wxt', 'preact', 'virtual:ordinance-packs'],
};

/**
 * Code that still lives in lib/ and renders components/ (an upward import, and Preact in lib/).
 * Empty: the page apps moved to components/app/ and the in-page card to components/card/. Nothing
 * may be added here: the test fails for any upward import.
 */
export const PENDING_MOVES: readonly string[] = [];

export function layerOf(path: string): Layer | undefined {
  const top = path.split('/')[0];
  return (LAYERS as readonly string[]).includes(top ?? '') ? (top as Layer) : undefined;
}

/**
 * The module specifiers a source file imports: `import … from`, `export … from`, side-effect
 * imports (all anchored at the start of a line, so neither comments nor strings count) and
 * dynamic `import('…')`.
 */
export function importsOf(text: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');
  const found: { at: number; spec: string }[] = [];
  const patterns = [/^[ \t]*(?:import|export)\b[^'";]*?\bfrom\s*(['"])([^'"]+)\1/gm, /^[ \t]*import\s*(['"])([^'"]+)\1/gm, /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push({ at: m.index, spec: m[2]! });
  return found.sort((a, b) => a.at - b.at).map((f) => f.spec);
}

/** The imports that go to a higher layer than the importing file's. `target`: a project path or a package name. */
export function upwardImports<E extends { file: string; target: string }>(edges: readonly E[]): E[] {
  return edges.filter((e) => {
    const from = layerOf(e.file);
    const to = layerOf(e.target);
    return from !== undefined && to !== undefined && LAYERS.indexOf(to) > LAYERS.indexOf(from);
  });
}
