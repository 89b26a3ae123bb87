/**
 * "What changed": the pack-wide timeline, filterable by date range, jurisdiction and kind, each
 * item linking to its entry with its badge; "Since 2024" is one click. Entries with no dated fact
 * are listed apart. The range can be copied as a memo block (Markdown or plain text).
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntryKind } from '../core/schema/pack';
import type { PackTimelineView } from '../core/view/types';
import { askBackground } from '../lib/messages';
import { kindWordOf } from '../core/view/words';
import { ConfidenceBadge } from './ConfidenceBadge';
import type { CopyFn } from './CitationCopy';

export interface TimelineFilter {
  since: string;
  until: string;
  jurisdiction: string;
  kind: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const typeWord = (t: string) => t[0]!.toUpperCase() + t.slice(1);

export interface PackTimelineProps {
  onOpen: (id: string) => void;
  onBeforeAfter?: (id: string) => void;
  copy: CopyFn;
  initial?: Partial<TimelineFilter>;
}

export function PackTimeline({ onOpen, onBeforeAfter, copy, initial }: PackTimelineProps) {
  const [filter, setFilter] = useState<TimelineFilter>({ since: '', until: '', jurisdiction: '', kind: '', ...initial });
  const [view, setView] = useState<PackTimelineView | null>(null);
  // What the reader is typing in the date fields; applied on change (Tab, Enter, leaving the field),
  // and never overwritten by a re-render while they type.
  const [draft, setDraft] = useState({ since: filter.since, until: filter.until });
  useEffect(() => setDraft({ since: filter.since, until: filter.until }), [filter.since, filter.until]);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  const bad = (d: string) => d !== '' && !DATE.test(d);
  useEffect(() => {
    if (bad(filter.since) || bad(filter.until)) return;
    let live = true;
    void askBackground('timeline', {
      ...(filter.since ? { since: filter.since } : {}),
      ...(filter.until ? { until: filter.until } : {}),
      ...(filter.jurisdiction ? { jurisdictions: [filter.jurisdiction] } : {}),
      ...(filter.kind ? { kinds: [filter.kind as EntryKind] } : {}),
    }).then(
      (v) => live && (setView(v), setFailed(false)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [filter.since, filter.until, filter.jurisdiction, filter.kind]);
  const set = (k: keyof TimelineFilter, v: string) => setFilter((f) => ({ ...f, [k]: v.trim() }));
  const copyMemo = async (text: string, what: string) => {
    const out = await copy(text);
    setStatus(typeof out === 'object' ? out.blocked : out ? `Range copied as ${what}` : 'Copy failed');
  };
  let year = '';
  return (
    <section class="ol-section" aria-labelledby="ol-tl-title" data-ol="pack-timeline">
      <h2 class="ol-section-title" id="ol-tl-title">
        What changed
      </h2>
      <div class="ol-row-wrap">
        <button type="button" class={filter.since === '2024' && !filter.until ? 'ol-btn' : 'ol-btn ol-btn--ghost'} data-ol="since-2024" aria-pressed={filter.since === '2024' && !filter.until} onClick={() => setFilter((f) => ({ ...f, since: '2024', until: '' }))}>
          Since 2024
        </button>
        <button type="button" class={!filter.since && !filter.until ? 'ol-btn' : 'ol-btn ol-btn--ghost'} data-ol="all-dates" aria-pressed={!filter.since && !filter.until} onClick={() => setFilter((f) => ({ ...f, since: '', until: '' }))}>
          All dates
        </button>
      </div>
      <div class="ol-tl-controls">
        <label>
          From
          <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={draft.since} aria-invalid={bad(filter.since)} data-ol="tl-since" onInput={(e) => setDraft((d) => ({ ...d, since: (e.currentTarget as HTMLInputElement).value }))} onChange={(e) => set('since', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          To
          <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={draft.until} aria-invalid={bad(filter.until)} data-ol="tl-until" onInput={(e) => setDraft((d) => ({ ...d, until: (e.currentTarget as HTMLInputElement).value }))} onChange={(e) => set('until', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          Place
          <select value={filter.jurisdiction} data-ol="tl-place" onChange={(e) => set('jurisdiction', (e.currentTarget as HTMLSelectElement).value)}>
            <option value="">All places</option>
            {view?.jurisdictions.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select value={filter.kind} data-ol="tl-kind" onChange={(e) => set('kind', (e.currentTarget as HTMLSelectElement).value)}>
            <option value="">All kinds</option>
            {view?.kinds.map((k) => (
              <option key={k} value={k}>
                {kindWordOf(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {bad(filter.since) || bad(filter.until) ? <p class="ol-empty">Write dates as YYYY, YYYY-MM or YYYY-MM-DD.</p> : null}
      {view ? (
        <>
          <p class="ol-muted" role="status" aria-live="polite" data-ol="tl-count">
            {view.items.length} dated {view.items.length === 1 ? 'fact' : 'facts'}
            {filter.since ? ` since ${filter.since}` : ''}
            {filter.until ? ` until ${filter.until}` : ''}. A date written as a month or a year is listed first in that month or year.
          </p>
          {view.items.length ? (
            <ol class="ol-timeline" aria-label="Dated facts, oldest first" data-ol="tl-items">
              {view.items.map((x, i) => {
                const head = x.date.slice(0, 4) !== year ? (year = x.date.slice(0, 4)) : '';
                return (
                  <li key={`${x.date}-${x.id}-${i}`} data-ol="tl-item" data-date={x.date} data-id={x.id}>
                    {head ? <span class="ol-sr">{head}: </span> : null}
                    <span class="ol-tl-date">{x.label}</span> <span class="ol-tl-type">{typeWord(x.type)}</span>{' '}
                    {x.precision !== 'day' ? <span class="ol-muted">(day not known)</span> : null}
                    {x.afterAsOf ? <span class="ol-muted"> (after the pack's as-of date)</span> : null}
                    <div>
                      <button type="button" class="ol-tl-entry" onClick={() => onOpen(x.id)}>
                        {x.title}
                      </button>
                      {x.ids.length > 1 ? <span class="ol-muted"> (also in {x.ids.length - 1} more)</span> : null}
                    </div>
                    <div>
                      {x.what} <ConfidenceBadge confidence={x.confidence} />
                    </div>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p class="ol-empty">No dated fact in this range.</p>
          )}
          <div class="ol-row-wrap">
            <button type="button" class="ol-btn ol-btn--ghost" data-ol="tl-memo-md" onClick={() => void copyMemo(view.memo.markdown, 'Markdown')}>
              Copy range (Markdown)
            </button>
            <button type="button" class="ol-btn ol-btn--ghost" data-ol="tl-memo-plain" onClick={() => void copyMemo(view.memo.plain, 'plain text')}>
              Copy range (plain text)
            </button>
            <span class="ol-copy-status" role="status" aria-live="polite">
              {status}
            </span>
          </div>
          {onBeforeAfter && view.beforeAfter.length ? (
            <div class="ol-section">
              <h3 class="ol-section-title">Before and after</h3>
              <div class="ol-row-wrap">
                {view.beforeAfter.map((b) => (
                  <button key={b.id} type="button" class="ol-btn ol-btn--ghost" data-ol="ba-link" data-id={b.id} onClick={() => onBeforeAfter(b.id)}>
                    {b.title}
                  </button>
                ))}
              </div>
            </div>
          ) : null}
          {view.undated.length ? (
            <details class="ol-section" data-ol="tl-undated">
              <summary>No date in this pack ({view.undated.length})</summary>
              <ul class="ol-related">
                {view.undated.map((u) => (
                  <li key={u.id}>
                    <button type="button" class="ol-tl-entry" onClick={() => onOpen(u.id)}>
                      {u.title}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : (
        <p class="ol-muted" role="status" data-ol={failed ? 'tl-failed' : 'tl-loading'}>
          {failed ? 'The timeline could not be loaded. Reload this page to try again.' : 'Loading the timeline…'}
        </p>
      )}
    </section>
  );
}
