/**
 * "On this page" in the side panel: after "Explain this page", each entry the page mentions,
 * how often, in the order of its first mention, with its badge and status; "Go to mention"
 * scrolls the page to the next mention and opens its card; under an entry, the page's sentences
 * about it that read as a rule, each sent to the claim check with one click (`onCheck`). Reads the tab's report from
 * storage.session (lib/scan/background.ts) and follows its changes; shows nothing until the
 * reader has asked for a page to be explained.
 */
import { useEffect, useState } from 'preact/hooks';
import { askScan, type PageReport } from '../lib/scan/protocol';
import { watchPageReport } from '../lib/scan/report-watch';
import { ConfidenceBadge, StatusBadge } from './ConfidenceBadge';

export interface OnThisPageProps {
  initial?: PageReport | null;
  /** Runs the claim check on one sentence of the page (the side panel shows it below). */
  onCheck?: (sentence: string) => void;
}

export function OnThisPage({ initial, onCheck }: OnThisPageProps) {
  const [report, setReport] = useState<PageReport | null>(initial ?? null);
  const [seen, setSeen] = useState<Record<string, number>>({});
  useEffect(() => {
    if (initial !== undefined) return;
    return watchPageReport((next, changed) => {
      setReport(next);
      if (changed) setSeen({});
    });
  }, [initial]);

  if (!report) return null;
  const items = [...report.items].sort((a, b) => a.first - b.first);
  const jump = (id: string, count: number) => {
    const n = seen[id] ?? 0;
    setSeen({ ...seen, [id]: (n + 1) % count });
    void askScan('scan:jump', { tabId: report.tabId, id, n }).catch(() => undefined);
  };
  return (
    <section class="ol-root ol-on-this-page" aria-label="On this page" data-ol="on-this-page" style="padding:8px 12px;border-bottom:1px solid var(--ol-border)">
      <h2 style="font-size:15px;margin:4px 0">On this page</h2>
      <p style="margin:0 0 8px;color:var(--ol-muted);font-size:13px">
        {report.marks
          ? `${report.marks} mention${report.marks === 1 ? '' : 's'} of ${items.length} ${items.length === 1 ? 'entry' : 'entries'}${report.more ? `, ${report.more} more not marked` : ''}`
          : 'Nothing on this page is in your packs.'}
      </p>
      <ol style="list-style:none;margin:0;padding:0;display:grid;gap:6px">
        {items.map((it) => (
          <li key={it.id} data-ol="page-entry" data-id={it.id} style="display:grid;gap:2px">
            <span style="font-weight:600">
              {it.title} <span style="color:var(--ol-muted);font-weight:400">× {it.count}</span>
            </span>
            {it.citation ? <span style="font-size:12px;color:var(--ol-muted)">{it.citation}</span> : null}
            <span style="display:flex;gap:6px;align-items:center;flex-wrap:wrap">
              <ConfidenceBadge confidence={it.confidence} />
              <StatusBadge status={it.status} />
              <button type="button" class="ol-btn ol-btn--ghost" style="font-size:12px;padding:1px 8px" onClick={() => jump(it.id, it.count)} aria-label={`Go to a mention of ${it.title}`}>
                Go to mention{it.count > 1 ? ` (${((seen[it.id] ?? 0) % it.count) + 1} of ${it.count})` : ''}
              </button>
            </span>
            {it.claims?.length && onCheck ? <PageClaims title={it.title} claims={it.claims} onCheck={onCheck} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The page's rule sentences about one entry, each with its "Check this claim" button. Page text is text nodes only. */
function PageClaims({ title, claims, onCheck }: { title: string; claims: string[]; onCheck: (sentence: string) => void }) {
  return (
    <ul data-ol="page-claims" aria-label={`What this page says about ${title}`} style="list-style:none;margin:2px 0 0;padding:0 0 0 10px;border-left:2px solid var(--ol-border);display:grid;gap:4px">
      {claims.map((c) => (
        <li key={c} data-ol="page-claim" style="font-size:12px">
          <q>{c}</q>{' '}
          <button type="button" class="ol-btn ol-btn--ghost" data-ol="check-claim" style="font-size:12px;padding:0 6px" onClick={() => onCheck(c)} aria-label={`Check this claim: ${c}`}>
            Check this claim
          </button>
        </li>
      ))}
    </ul>
  );
}
