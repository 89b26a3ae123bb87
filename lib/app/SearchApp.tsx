/**
 * The one search UI of the popup and the side panel: instant results as the reader types, full
 * keyboard navigation (↓/↑ to move, Enter to open, Esc to go back or clear), a detail view with
 * everything the card shows plus the entry's dated history, a "paste text to check" box, and
 * recent lookups (local only; clear; export as Markdown or JSON).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntryCard } from '../../components/EntryCard';
import { LookupAnswer } from '../../components/LookupAnswer';
import { ResultList } from '../../components/ResultList';
import type { LookupHit } from '../../core/search/types';
import { formatLongDate } from '../../core/format/citation';
import { askBackground, failedLookupView, type EntryView, type LookupView } from '../messages';
import { copyText } from '../clipboard';
import { RepairNotices } from './RepairNotices';
import { clearHistoryEverywhere } from './clear-history';
import { ClaimCheckPanel } from '../../components/ClaimCheck';
import { PackTimeline } from '../../components/PackTimeline';
import { BeforeAfterPanel } from '../../components/BeforeAfter';
import { download, historyToMarkdown } from '../history-export';
import type { HistoryItem } from '../storage/history';
import type { CitationStyle } from '../storage/settings';

// Storage (and its validator) is a separate chunk, loaded in a task after the first render and off
// the path of the first lookup (which the background answers): the popup must be instant.
const storage = () => import('../storage/index');

type Tab = 'search' | 'passage' | 'changes' | 'recent';

export interface SearchAppProps {
  surface: 'popup' | 'sidepanel';
  /** Query to start with (?q= or a lookup handed over by the background). */
  initialQuery?: string;
  initialPassage?: string;
  /** Why the side panel was opened instead of a card, shown as a short note. */
  note?: string;
}

let prefetched: Promise<LookupView> | undefined;

/**
 * Starts the lookup for the query the page opens with before Preact renders (saves the time
 * from module evaluation to first effect on "popup open → first results").
 */
export function prefetchLookup(q: string, surface: SearchAppProps['surface']): void {
  if (q.trim()) prefetched = askBackground('lookup', { text: q, source: surface, limit: 8 });
}

const LISTBOX_ID = 'ol-results';

function firstResultsMark(): void {
  if (!performance.getEntriesByName('ol-first-results').length) performance.mark('ol-first-results');
}

export function SearchApp({ surface, initialQuery = '', initialPassage = '', note }: SearchAppProps) {
  const [tab, setTab] = useState<Tab>(initialPassage ? 'passage' : 'search');
  const [query, setQuery] = useState(initialQuery);
  const [view, setView] = useState<LookupView | null>(null);
  const [active, setActive] = useState(-1);
  const [detail, setDetail] = useState<{ view: EntryView; hit?: LookupHit } | null>(null);
  const [passage, setPassage] = useState(initialPassage);
  const [passageView, setPassageView] = useState<LookupView | null>(null);
  const [passageOpened, setPassageOpened] = useState<EntryView | null>(null);
  const [checked, setChecked] = useState('');
  const [baId, setBaId] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryItem[]>([]);
  const [style, setStyle] = useState<CitationStyle>('short');
  const [asOf, setAsOf] = useState('');
  const [status, setStatus] = useState('');
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const detailHeading = useRef<HTMLDivElement>(null);

  const hits: LookupHit[] = view ? [...view.result.results, ...view.result.others] : [];

  const search = useCallback(async (q: string) => {
    const n = ++seq.current;
    if (!q.trim()) {
      setView(null);
      setActive(-1);
      return;
    }
    // A failed lookup is said as a failure, never as "nothing covers this".
    const v = await (prefetched && q === initialQuery ? prefetched : askBackground('lookup', { text: q, source: surface, limit: 8 })).catch(() => failedLookupView(q));
    prefetched = undefined;
    if (n !== seq.current || !v) return; // a newer keystroke won
    setView(v);
    setActive(v.result.results.length || v.result.others.length ? 0 : -1);
    const top = v.result.results[0];
    if (top) setAsOf(v.views[top.id]?.asOf ?? '');
    firstResultsMark();
  }, [surface]);

  useEffect(() => {
    if (initialQuery) void search(initialQuery);
    if (initialPassage) void checkPassage(initialPassage);
    const loadStored = () =>
      storage().then(async (m) => {
        setStyle((await m.readSettings()).citationStyle);
        setHistory(await m.readHistory());
      });
    setTimeout(() => void loadStored(), 0);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ('history' in changes || 'settings' in changes)) void loadStored();
    };
    browser.storage.onChanged.addListener(onChanged);
    if (!initialPassage) input.current?.focus();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    if (detail) detailHeading.current?.focus();
  }, [detail]);

  async function open(id: string, hit?: LookupHit) {
    const v = await askBackground('entry', { id }).catch(() => undefined);
    if (v === undefined) return setView(failedLookupView(query));
    if (!v) return;
    setAsOf(v.asOf);
    setDetail({ view: v, ...(hit ? { hit } : {}) });
    if (query.trim()) void askBackground('recordHistory', { query: query.trim(), topId: v.entry.id, topTitle: v.entry.title });
  }

  async function checkPassage(text: string) {
    if (!text.trim()) return;
    const v = await askBackground('lookup', { text, source: 'passage', limit: 8, record: true }).catch(() => failedLookupView(text));
    setChecked(text);
    setPassageView(v);
    setPassageOpened(null);
    firstResultsMark();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      const h = hits[active];
      if (h) {
        e.preventDefault();
        void open(h.id, h);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
      void search('');
    }
  }

  const copy = (text: string) => copyText(text);

  const back = () => {
    setDetail(null);
    requestAnimationFrame(() => input.current?.focus());
  };

  return (
    <div class={`ol-root ol-app ol-app--${surface}`} data-ol="app">
      <header class="ol-app-head">
        <div class="ol-app-title">
          <h1 style={{ fontSize: '15px', margin: 0 }}>Ordinance Lens</h1>
          {asOf ? <span class="ol-muted">Current as of {formatLongDate(asOf)}</span> : null}
        </div>
        <div class="ol-tabs" role="tablist" aria-label="Ordinance Lens">
          {(
            [
              ['search', 'Search'],
              ['passage', 'Check a passage'],
              ['changes', 'What changed'],
              ['recent', 'Recent'],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`ol-tab-${id}`}
              aria-selected={tab === id}
              {...(tab === id && !detail ? { 'aria-controls': `ol-panel-${id}` } : {})}
              class="ol-tab"
              onClick={() => {
                setTab(id);
                setDetail(null);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      </header>
      <main class="ol-app-main">
        <RepairNotices />
        {note ? (
          <p class="ol-muted" data-ol="note">
            {note}
          </p>
        ) : null}
        {detail ? (
          <div class="ol-entry" data-ol="detail">
            <button type="button" class="ol-btn ol-btn--ghost ol-back" onClick={back} data-ol="back">
              ← Back to results
            </button>
            <div ref={detailHeading} tabIndex={-1} aria-label={`Details: ${detail.view.entry.title}`}>
              <EntryCard
                key={detail.view.entry.id}
                view={detail.view}
                {...(detail.hit ? { hit: detail.hit } : {})}
                mode="detail"
                citationStyle={style}
                copy={copy}
                onOpenRelated={(id) => void open(id)}
                idPrefix="old"
              />
              <BeforeAfterPanel key={`ba-${detail.view.entry.id}`} id={detail.view.entry.id} onOpen={(id) => void open(id)} />
            </div>
          </div>
        ) : tab === 'search' ? (
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
              aria-expanded={hits.length > 0}
              {...(hits.length ? { 'aria-controls': LISTBOX_ID } : {})}
              aria-autocomplete="list"
              {...(active >= 0 && hits[active] ? { 'aria-activedescendant': `${LISTBOX_ID}-opt-${active}` } : {})}
              placeholder="separation ordinance, § 19.30, detainer…"
              autocomplete="off"
              spellcheck={false}
              value={query}
              onInput={(e) => {
                const q = (e.currentTarget as HTMLInputElement).value;
                setQuery(q);
                void search(q);
              }}
              onKeyDown={onKeyDown}
            />
            {view?.degraded ? (
              <p class="ol-empty" data-ol="degraded">
                This search failed inside Ordinance Lens, so no answer is shown. Try again, or reload the extension.
              </p>
            ) : view && !hits.length ? (
              <p class="ol-empty" data-ol="nothing">
                Nothing in this pack covers this.
              </p>
            ) : null}
            {view?.result.unknownCitations.map((u, i) => (
              <p class="ol-empty" key={i}>
                {u.message}
              </p>
            ))}
            <ResultList id={LISTBOX_ID} hits={hits} active={active} onPick={(id, i) => void open(id, hits[i])} label="Results" packOf={view?.packOf} />
            <p class="ol-sr" role="status" aria-live="polite">
              {view ? `${hits.length} ${hits.length === 1 ? 'result' : 'results'}` : ''}
            </p>
            {!view ? (
              <p class="ol-muted">
                Type a term, a section (§ 19.30) or a name. ↓ ↑ to move, Enter to open, Esc to clear. Everything stays on this computer.
              </p>
            ) : null}
          </section>
        ) : tab === 'passage' ? (
          <section id="ol-panel-passage" role="tabpanel" aria-labelledby="ol-tab-passage" class="ol-entry">
            <div class="ol-field">
              <label for="ol-passage">Paste text to check</label>
              <textarea
                id="ol-passage"
                class="ol-textarea"
                value={passage}
                maxLength={20000}
                onInput={(e) => setPassage((e.currentTarget as HTMLTextAreaElement).value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void checkPassage(passage);
                }}
              />
            </div>
            <div class="ol-row">
              <button type="button" class="ol-btn" onClick={() => void checkPassage(passage)} data-ol="check">
                Check
              </button>
              <span class="ol-muted">Ctrl+Enter also checks.</span>
            </div>
            {passageView ? (
              <>
                <ClaimCheckPanel text={checked} copy={copy} onOpen={(id) => void open(id)} idPrefix="olpc" />
                <LookupAnswer
                  view={passageView}
                  opened={passageOpened}
                  citationStyle={style}
                  copy={copy}
                  onOpen={(id) => void askBackground('entry', { id }).then((v) => v && setPassageOpened(v), () => setPassageView(failedLookupView(checked)))}
                  mode="detail"
                  idPrefix="olp"
                />
              </>
            ) : null}
          </section>
        ) : tab === 'changes' ? (
          <section id="ol-panel-changes" role="tabpanel" aria-labelledby="ol-tab-changes" class="ol-entry">
            {baId ? (
              <div class="ol-entry">
                <button type="button" class="ol-btn ol-btn--ghost ol-back" onClick={() => setBaId(null)} data-ol="ba-back">
                  ← Back to the timeline
                </button>
                <BeforeAfterPanel id={baId} onOpen={(id) => void open(id)} />
              </div>
            ) : (
              // Opens on "since 2024": the question readers ask first is one click away.
              <PackTimeline onOpen={(id) => void open(id)} onBeforeAfter={setBaId} copy={copy} initial={{ since: '2024' }} />
            )}
          </section>
        ) : (
          <section id="ol-panel-recent" role="tabpanel" aria-labelledby="ol-tab-recent" class="ol-entry" data-ol="recent">
            <div class="ol-row">
              <button
                type="button"
                class="ol-btn ol-btn--ghost"
                onClick={() => download('ordinance-lens-history.md', historyToMarkdown(history), 'text/markdown')}
              >
                Export Markdown
              </button>
              <button
                type="button"
                class="ol-btn ol-btn--ghost"
                onClick={() => void storage().then((m) => m.exportUserData()).then((json) => download('ordinance-lens-backup.json', json, 'application/json'))}
              >
                Export JSON
              </button>
              <button
                type="button"
                class="ol-btn ol-btn--ghost"
                data-ol="clear-history"
                onClick={() =>
                  void storage().then(async (m) => {
                    const r = await clearHistoryEverywhere();
                    setStatus(r.ok ? 'History cleared.' : r.message);
                    setHistory(await m.readHistory());
                  })
                }
              >
                Clear
              </button>
              <span class="ol-muted" role="status">
                {status}
              </span>
            </div>
            {history.length ? (
              <ul class="ol-related ol-history">
                {history.slice(0, 50).map((h, i) => (
                  <li key={`${h.at}-${i}`}>
                    <button
                      type="button"
                      class="ol-link-btn"
                      onClick={() => {
                        setTab('search');
                        setQuery(h.query);
                        void search(h.query);
                      }}
                    >
                      <span class="ol-link-rel">{new Date(h.at).toLocaleString()}</span>“{h.query.length > 120 ? `${h.query.slice(0, 117)}…` : h.query}”
                      {h.topTitle ? <span class="ol-muted"> → {h.topTitle}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="ol-muted">No recent lookups. They are stored only on this computer.</p>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
