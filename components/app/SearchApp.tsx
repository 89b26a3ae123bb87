/**
 * The one search UI of the popup and the side panel: a header with the four tabs, and the view
 * of the selected tab (components/app/*Tab.tsx) or of one opened entry (DetailView). State that
 * must outlive a tab switch (the query and its answer, the passage and its check) lives in hooks
 * here; each view file renders one tab.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatLongDate } from '../../core/format/citation';
import type { LookupHit } from '../../core/search/types';
import { askBackground } from '../../lib/messages';
import { copyText } from '../../lib/clipboard';
import { RepairNotices } from './RepairNotices';
import { ChangesTab } from './ChangesTab';
import { DetailView, type Detail } from './DetailView';
import { PassageTab, usePassage } from './PassageTab';
import { RecentTab } from './RecentTab';
import { SearchTab } from './SearchTab';
import { Tabs, type Tab } from './Tabs';
import { useSearch, type Surface } from './use-search';
import { useStored } from './use-stored';

export { prefetchLookup } from './use-search';

export interface SearchAppProps {
  surface: Surface;
  /** Query to start with (?q= or a lookup handed over by the background). */
  initialQuery?: string;
  initialPassage?: string;
  /** An entry to open in the detail view at once (the card's "Open full entry"). */
  initialEntryId?: string;
  /** Why the side panel was opened instead of a card, shown as a short note. */
  note?: string;
}

const copy = (text: string) => copyText(text);

export function SearchApp({ surface, initialQuery = '', initialPassage = '', initialEntryId, note }: SearchAppProps) {
  const [tab, setTab] = useState<Tab>(initialPassage ? 'passage' : 'search');
  const [detail, setDetail] = useState<Detail | null>(null);
  const [asOf, setAsOf] = useState('');
  const stored = useStored();
  const search = useSearch(surface, initialQuery, setAsOf);
  const passage = usePassage(initialPassage);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (initialQuery) void search.search(initialQuery);
    if (initialEntryId) void open(initialEntryId);
    if (initialPassage) void passage.check(initialPassage);
    else if (!initialEntryId) input.current?.focus();
  }, []);

  async function open(id: string, hit?: LookupHit) {
    const v = await askBackground('entry', { id }).catch(() => undefined);
    if (v === undefined) {
      setDetail(null);
      setTab('search');
      return search.showFailure();
    }
    if (!v) return;
    setAsOf(v.asOf);
    setDetail({ view: v, ...(hit ? { hit } : {}) });
    const q = search.query.trim();
    if (q) void askBackground('recordHistory', { query: q, topId: v.entry.id, topTitle: v.entry.title });
  }
  const openId = (id: string) => void open(id);
  const back = () => {
    setDetail(null);
    requestAnimationFrame(() => input.current?.focus());
  };
  const searchAgain = (q: string) => {
    setTab('search');
    void search.search(q);
  };

  return (
    <div class={`ol-root ol-app ol-app--${surface}`} data-ol="app">
      <header class="ol-app-head">
        <div class="ol-app-title">
          <h1 style={{ fontSize: '15px', margin: 0 }}>Ordinance Lens</h1>
          {asOf ? <span class="ol-muted">Current as of {formatLongDate(asOf)}</span> : null}
        </div>
        <Tabs tab={tab} panelShown={!detail} onSelect={(t) => (setTab(t), setDetail(null))} />
      </header>
      <main class="ol-app-main">
        <RepairNotices />
        {note ? (
          <p class="ol-muted" data-ol="note">
            {note}
          </p>
        ) : null}
        {detail ? (
          <DetailView detail={detail} style={stored.style} copy={copy} onOpen={openId} onBack={back} />
        ) : tab === 'search' ? (
          <SearchTab state={search} input={input} onOpen={(row) => void open(row.id, row.hit)} />
        ) : tab === 'passage' ? (
          <PassageTab state={passage} style={stored.style} copy={copy} onOpen={openId} />
        ) : tab === 'changes' ? (
          <ChangesTab copy={copy} onOpen={openId} />
        ) : (
          <RecentTab history={stored.history} reloadHistory={stored.reloadHistory} onSearch={searchAgain} />
        )}
      </main>
    </div>
  );
}
