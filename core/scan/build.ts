/**
 * The scan index: every name of every entry (title, citation, aliases) as a path of word keys in
 * a trie (core/scan/tokens.ts), and every citation key those names carry (core/citations).
 * Finding names in a page then costs one trie walk per page word, whatever the number of
 * entries: the cost grows with the page, not the pack.
 *
 * Left out on purpose: keywords (search words, not names); a name of one everyday word
 * (common-words.ts) or only digits ("1373" is found as "section 1373" by the citation patterns).
 * A name written in capitals ("ICE", "BOA") is an acronym and matches only capitals on the page,
 * so "ice on the roads" is not Immigration and Customs Enforcement.
 */
import type { Entry } from '../schema/pack';
import { STOPWORDS } from '../text/tokenize';
import { extractCitations } from '../citations/extract';
import { COMMON_WORDS } from './common-words';
import { BREAK, LINE, hashKey, wordTokens } from './tokens';
import { foldText } from './fold';

/** How an entry carries a name: its title or citation ranks above an alias. */
export type NameField = 'title' | 'citation' | 'alias';
const FIELD_RANK: Record<NameField, number> = { title: 3, citation: 3, alias: 2 };

export interface NameRef {
  entry: number;
  rank: number;
  /** Bit k set: token k of the name is an acronym and must be in capitals on the page. */
  caps: number;
  /** The name ends in a plural as the pack writes it ("287(g) agreements"). */
  plural: boolean;
}

export interface TrieNode {
  /** Children by the hash of the next word's key (./tokens.ts hashKey). */
  next: Map<number, TrieNode> | undefined;
  refs: NameRef[] | undefined;
  /** The keys of the name(s) ending here, to confirm a match the hashes found. */
  keys: string[] | undefined;
  /** A jurisdiction's name ends here (index into ScanIndex.jurisdictions), else -1. */
  juris: number;
}

/** Every node has the same shape, so the scan's property reads stay monomorphic (fast). */
const newNode = (): TrieNode => ({ next: undefined, refs: undefined, keys: undefined, juris: -1 });

export interface ScanEntry {
  id: string;
  jurisdiction: number;
  /** A glossary term (kind "term"): a plural on the page can still mean it. */
  term: boolean;
  /** Scanned by its citation only (a section of a whole imported code). */
  codeOnly: boolean;
}

export interface ScanIndex {
  entries: ScanEntry[];
  root: TrieNode;
  /** Citation key → (entry, rank) pairs, best rank first. */
  cites: Map<string, NameRef[]>;
  /** Normalized jurisdiction names ("minneapolis", "st paul"). */
  jurisdictions: string[];
  /** The same names without spaces, to recognize them in a host name ("stpaul.gov"). */
  jurisHost: string[];
  names: number;
}

const PUNCT_EDGE = new Set(['(', ')', ',', ';', ':', '/', '[', ']', BREAK, LINE]);

/** Word keys of a name with its acronym mask; undefined when the name is not worth marking. */
export function nameKeys(name: string): { keys: string[]; caps: number; plural: boolean }[] {
  const folded = foldText(name);
  const t = wordTokens(folded);
  let a = 0;
  let b = t.keys.length;
  while (a < b && PUNCT_EDGE.has(t.keys[a]!)) a++;
  while (b > a && PUNCT_EDGE.has(t.keys[b - 1]!)) b--;
  const keys = t.keys.slice(a, b);
  if (!keys.length || keys.length > 24 || keys.includes(LINE)) return [];
  let caps = 0;
  for (let k = a; k < b && k - a < 31; k++) {
    const orig = name.slice(t.starts[k], t.ends[k]);
    if (/^[A-Z][A-Z.]*[A-Z]\.?$/.test(orig) && /^[a-z]+$/.test(keys[k - a]!)) caps |= 1 << (k - a);
  }
  if (keys.length === 1 || (keys.length === 2 && keys[0] === 'the')) {
    const w = keys[keys.length - 1]!;
    if (!caps && (w.length < 3 || /^[\d.]+$/.test(w) || COMMON_WORDS.has(w) || STOPWORDS.has(w))) return [];
  }
  const lastRaw = folded.slice(t.starts[b - 1], t.ends[b - 1]);
  const plural = keys[keys.length - 1] !== lastRaw && lastRaw.endsWith('s');
  const out = [{ keys, caps, plural }];
  // "city-owned" also as "cityowned", for a page that breaks the word at a line end.
  const joined = name.includes('-') ? foldText(name.replace(/(\p{L})-(\p{L})/gu, '$1$2')) : folded;
  if (joined !== folded) {
    const j = wordTokens(joined).keys.filter((k, i, all) => !(PUNCT_EDGE.has(k) && (i === 0 || i === all.length - 1)));
    if (j.length) out.push({ keys: j, caps: 0, plural });
  }
  return out;
}

export const jurisdictionKey = (s: string) => wordTokens(foldText(s)).keys.filter((k) => k !== ',').join(' ');

function insert(root: TrieNode, keys: string[]): TrieNode {
  let node = root;
  for (const k of keys) {
    node.next ??= new Map();
    const h = hashKey(k);
    let child = node.next.get(h);
    if (!child) node.next.set(h, (child = newNode()));
    node = child;
  }
  node.keys ??= keys;
  return node;
}

/**
 * What the scan reads of an entry. `citationOnly`: only its citation is a name (a section of a
 * whole imported code: its headings, thousands of "Definitions" and "Penalties", would mark
 * everyday words all over a page).
 */
export type ScanSource = Pick<Entry, 'id' | 'title' | 'citation' | 'aliases' | 'jurisdiction' | 'kind'> & { citationOnly?: boolean };

export function buildScanIndex(entries: readonly ScanSource[]): ScanIndex {
  const root = newNode();
  const cites = new Map<string, NameRef[]>();
  const jurisdictions: string[] = [];
  const jurisIds = new Map<string, number>();
  const out: ScanEntry[] = [];
  let names = 0;

  const byRawName = new Map<string, number>();
  const jurisOf = (name: string): number => byRawName.get(name) ?? byRawName.set(name, jurisOfKey(name)).get(name)!;
  const jurisOfKey = (name: string): number => {
    const key = jurisdictionKey(name);
    let id = jurisIds.get(key);
    if (id === undefined) {
      id = jurisdictions.length;
      jurisIds.set(key, id);
      jurisdictions.push(key);
      const keys = key.split(' ');
      insert(root, keys).juris = id;
      // "Hennepin County" is also named "Hennepin"; "Minneapolis Park and Recreation Board" is in "Minneapolis".
      if (keys.length > 1 && !['united', 'new', 'north', 'south', 'west', 'east', 'st'].includes(keys[0]!) && !COMMON_WORDS.has(keys[0]!)) {
        const first = insert(root, [keys[0]!]);
        if (first.juris < 0) first.juris = id;
      }
    }
    return id;
  };

  entries.forEach((e, idx) => {
    out.push({ id: e.id, jurisdiction: jurisOf(e.jurisdiction), term: e.kind === 'term', codeOnly: e.citationOnly === true });
    const fields: [NameField, string][] = e.citationOnly ? [] : [['title', e.title]];
    if (e.citation) fields.push(['citation', e.citation]);
    if (!e.citationOnly) for (const a of e.aliases) fields.push(['alias', a]);
    const seen = new Set<string>();
    for (const [field, name] of fields) {
      const rank = FIELD_RANK[field];
      // A citation-only entry is found by its citation keys (below): no name path to walk.
      for (const { keys, caps, plural } of e.citationOnly ? [] : nameKeys(name)) {
        const path = keys.join('\u0001');
        if (seen.has(path)) continue;
        seen.add(path);
        const node = insert(root, keys);
        (node.refs ??= []).push({ entry: idx, rank, caps, plural });
        names++;
      }
      // Every citation pattern needs a digit: names without one carry no citation key.
      if (!/\d/.test(name)) continue;
      for (const c of extractCitations(foldText(name), 20)) {
        if (c.pattern.name === 'bare-section') continue;
        for (const key of c.keys) {
          const list = cites.get(key) ?? [];
          if (!list.some((r) => r.entry === idx)) list.push({ entry: idx, rank: field === 'alias' ? 2 : 3, caps: 0, plural: false });
          cites.set(key, list);
        }
      }
    }
  });
  for (const list of cites.values()) list.sort((a, b) => b.rank - a.rank);
  return { entries: out, root, cites, jurisdictions, jurisHost: jurisdictions.map((j) => j.replace(/ /g, '')), names };
}
