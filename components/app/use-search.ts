/**
 * The search box's state: the query, the background's answer for it, the merged result rows
 * (as-you-type suggestions and the engine's answer, core/typeahead) and the keyboard-active row.
 * Every keystroke asks the background; an answer to an older keystroke is dropped.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { mergeResults, rowsOfHits, type ResultRow } from '../../core/typeahead/index';
import { askBackground, failedLookupView, type LookupView } from '../../lib/messages';

export type Surface = 'popup' | 'sidepanel';

/** Results asked for and shown. */
const LIMIT = 8;

let prefetched: { q: string; view: Promise<LookupView> } | undefined;

/** `pack`: search only that pack (the "Search in" choice); undefined: every pack. */
const ask = (q: string, surface: Surface, pack?: string) => askBackground('lookup', { text: q, source: surface, limit: LIMIT, typeahead: true, ...(pack ? { pack } : {}) });

/**
 * Starts the lookup for the query the page opens with before Preact renders (saves the time
 * from module evaluation to first effect on "popup open → first results").
 */
export function prefetchLookup(q: string, surface: Surface): void {
  if (q.trim()) prefetched = { q, view: ask(q, surface) };
}

function firstResultsMark(): void {
  if (!performance.getEntriesByName('ol-first-results').length) performance.mark('ol-first-results');
}

export function rowsOf(view: LookupView | null): ResultRow[] {
  if (!view) return [];
  const { results, others } = view.result;
  return view.suggestions ? mergeResults(view.suggestions, results, others, LIMIT) : rowsOfHits(results, others);
}

export interface SearchState {
  query: string;
  view: LookupView | null;
  rows: ResultRow[];
  active: number;
  setActive: (update: (a: number) => number) => void;
  /** Sets the box's text and looks it up. */
  search: (q: string) => Promise<void>;
  /** Shows that something failed inside the extension (instead of a stale or empty answer). */
  showFailure: () => void;
  /** The pack searched ("" = every pack); choosing one searches the box's text again. */
  pack: string;
  choosePack: (id: string) => void;
}

/** `onAnswer`: the as-of date of the top answer's pack, for the header. */
export function useSearch(surface: Surface, initialQuery: string, onAnswer: (asOf: string) => void): SearchState {
  const [query, setQuery] = useState(initialQuery);
  const [view, setView] = useState<LookupView | null>(null);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  const [pack, setPack] = useState('');
  // Read by `search` (a stable callback) at the time of each keystroke.
  const packRef = useRef('');
  const rows = useMemo(() => rowsOf(view), [view]);

  const search = useCallback(
    async (q: string) => {
      setQuery(q);
      const n = ++seq.current;
      if (!q.trim()) {
        setView(null);
        setActive(-1);
        return;
      }
      const only = packRef.current || undefined;
      const pending = prefetched?.q === q && !only ? prefetched.view : ask(q, surface, only);
      prefetched = undefined;
      // A failed lookup is said as a failure, never as "nothing covers this".
      const v = await pending.catch(() => failedLookupView(q));
      if (n !== seq.current || !v) return; // a newer keystroke won
      // The pack chosen was removed meanwhile: the answer searched every pack, and the box says so.
      if (v.packGone && packRef.current) {
        packRef.current = '';
        setPack('');
      }
      setView(v);
      setActive(rowsOf(v).length ? 0 : -1);
      const top = v.result.results[0];
      if (top) onAnswer(v.views[top.id]?.asOf ?? '');
      firstResultsMark();
    },
    [surface],
  );
  const showFailure = () => {
    setView(failedLookupView(query));
    setActive(-1);
  };
  const choosePack = (id: string) => {
    packRef.current = id;
    setPack(id);
    void search(query);
  };
  return { query, view, rows, active, setActive, search, showFailure, pack, choosePack };
}
