/** Recent lookups (kept on this computer only): export as Markdown or JSON, clear, look one up again. */
import { useState } from 'preact/hooks';
import { clearHistoryEverywhere } from '../../lib/clear-history';
import { download, historyToMarkdown } from '../../lib/history-export';
import type { HistoryItem } from '../../lib/storage/history';
import { storage } from './use-stored';

export interface RecentTabProps {
  history: readonly HistoryItem[];
  reloadHistory: () => Promise<void>;
  onSearch: (query: string) => void;
}

function HistoryActions({ history, reloadHistory }: Omit<RecentTabProps, 'onSearch'>) {
  const [status, setStatus] = useState('');
  const exportJson = () => void storage().then((m) => m.exportUserData()).then((json) => download('ordinance-lens-backup.json', json, 'application/json'));
  const clear = async () => {
    const r = await clearHistoryEverywhere();
    setStatus(r.ok ? 'History cleared.' : r.message);
    await reloadHistory();
  };
  return (
    <div class="ol-row">
      <button type="button" class="ol-btn ol-btn--ghost" onClick={() => download('ordinance-lens-history.md', historyToMarkdown([...history]), 'text/markdown')}>
        Export Markdown
      </button>
      <button type="button" class="ol-btn ol-btn--ghost" onClick={exportJson}>
        Export JSON
      </button>
      <button type="button" class="ol-btn ol-btn--ghost" data-ol="clear-history" onClick={() => void clear()}>
        Clear
      </button>
      <span class="ol-muted" role="status">
        {status}
      </span>
    </div>
  );
}

export function RecentTab({ history, reloadHistory, onSearch }: RecentTabProps) {
  return (
    <section id="ol-panel-recent" role="tabpanel" aria-labelledby="ol-tab-recent" class="ol-entry" data-ol="recent">
      <HistoryActions history={history} reloadHistory={reloadHistory} />
      {history.length ? (
        <ul class="ol-related ol-history">
          {history.slice(0, 50).map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <button type="button" class="ol-link-btn" onClick={() => onSearch(h.query)}>
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
  );
}
