/**
 * The search box and its results: as-you-type matches with highlights and the engine's answers
 * in one listbox; ↓/↑ move, Enter opens, Esc clears. The box keeps focus and points at the
 * active option (a combobox).
 */
import type { RefObject } from 'preact';
import { ResultList } from '../ResultList';
import { PackFilter } from './PackFilter';
import type { ResultRow } from '../../core/typeahead/index';
import type { SearchState } from './use-search';

const LISTBOX_ID = 'ol-results';

export interface SearchTabProps {
  state: SearchState;
  onOpen: (row: ResultRow) => void;
  input: RefObject<HTMLInputElement | null>;
}

function keyHandler({ state, onOpen }: SearchTabProps) {
  const { rows, active, setActive, query, search } = state;
  return (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && rows.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % rows.length);
    } else if (e.key === 'ArrowUp' && rows.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? rows.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      const row = rows[active];
      if (row) {
        e.preventDefault();
        onOpen(row);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      void search('');
    }
  };
}

export function SearchTab(props: SearchTabProps) {
  const { state, onOpen, input } = props;
  const { query, view, rows, active, search } = state;
  return (
    <section id="ol-panel-search" role="tabpanel" aria-labelledby="ol-tab-search" class="ol-entry">
      <label class="ol-sr" for="ol-q">
        Search the law: a term, a section number or a name
      </label>
      <input
        ref={input}
        id="ol-q"
        class="ol-search"
        type="search"
        {...({ role: 'combobox' } as Record<string, string>)}
        aria-expanded={rows.length > 0}
        {...(rows.length ? { 'aria-controls': LISTBOX_ID } : {})}
        aria-autocomplete="list"
        {...(active >= 0 && rows[active] ? { 'aria-activedescendant': `${LISTBOX_ID}-opt-${active}` } : {})}
        placeholder="separation ordinance, § 19.30, detainer…"
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(e) => void search((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={keyHandler(props)}
      />
      <PackFilter value={state.pack} onChange={state.choosePack} packCount={view?.packCount} />
      {view?.packGone ? (
        <p class="ol-muted" data-ol="pack-gone">
          The pack you chose to search in is no longer there: every pack was searched.
        </p>
      ) : null}
      {view?.degraded ? (
        <p class="ol-empty" data-ol="degraded">
          This search failed inside Ordinance Lens, so no answer is shown. Try again, or reload the extension.
        </p>
      ) : view && !rows.length ? (
        <p class="ol-empty" data-ol="nothing">
          {state.pack ? 'Nothing in the pack searched covers this. Search in all packs to see the others.' : 'Nothing in this pack covers this.'}
        </p>
      ) : null}
      {view?.result.unknownCitations.map((u, i) => (
        <p class="ol-empty" key={i}>
          {u.message}
        </p>
      ))}
      <ResultList id={LISTBOX_ID} rows={rows} active={active} onPick={(_, i) => rows[i] && onOpen(rows[i])} label="Results" packOf={view?.packOf} />
      <p class="ol-sr" role="status" aria-live="polite">
        {view ? `${rows.length} ${rows.length === 1 ? 'result' : 'results'}` : ''}
      </p>
      {!view ? (
        <p class="ol-muted">
          Type a term, a section (§ 19.30) or a name. ↓ ↑ to move, Enter to open, Esc to clear. Everything stays on this computer.
        </p>
      ) : null}
    </section>
  );
}
