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
import { CopyMemoRow } from './CopyMemoRow';

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

const byValue = (f: (v: string) => void) => (e: Event) => f((e.currentTarget as HTMLInputElement | HTMLSelectElement).value);

/** "From" or "To": what the reader types is kept as typed and applied on change (Tab, Enter, leaving). */
function DateField({ label, hook, draft, invalid, onDraft, onApply }: { label: string; hook: string; draft: string; invalid: boolean; onDraft: (v: string) => void; onApply: (v: string) => void }) {
  return (
    <label>
      {label}
      <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={draft} aria-invalid={invalid} data-ol={hook} onInput={byValue(onDraft)} onChange={byValue(onApply)} />
    </label>
  );
}

/** A select with an "all" choice first; `options` are [value, words] pairs. */
function Choice({ label, hook, value, all, options, onChange }: { label: string; hook: string; value: string; all: string; options: [string, string][]; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} data-ol={hook} onChange={byValue(onChange)}>
        <option value="">{all}</option>
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The range buttons and the date, place and kind fields. */
function TimelineControls({ filter, setFilter, view }: { filter: TimelineFilter; setFilter: (f: (old: TimelineFilter) => TimelineFilter) => void; view: PackTimelineView | null }) {
  // What the reader is typing in the date fields, never overwritten by a re-render while they type.
  const [draft, setDraft] = useState({ since: filter.since, until: filter.until });
  useEffect(() => setDraft({ since: filter.since, until: filter.until }), [filter.since, filter.until]);
  const set = (k: keyof TimelineFilter) => (v: string) => setFilter((f) => ({ ...f, [k]: v.trim() }));
  const since2024 = filter.since === '2024' && !filter.until;
  const allDates = !filter.since && !filter.until;
  return (
    <>
      <div class="ol-row-wrap">
        <button type="button" class={since2024 ? 'ol-btn' : 'ol-btn ol-btn--ghost'} data-ol="since-2024" aria-pressed={since2024} onClick={() => setFilter((f) => ({ ...f, since: '2024', until: '' }))}>
          Since 2024
        </button>
        <button type="button" class={allDates ? 'ol-btn' : 'ol-btn ol-btn--ghost'} data-ol="all-dates" aria-pressed={allDates} onClick={() => setFilter((f) => ({ ...f, since: '', until: '' }))}>
          All dates
        </button>
      </div>
      <div class="ol-tl-controls">
        <DateField label="From" hook="tl-since" draft={draft.since} invalid={bad(filter.since)} onDraft={(v) => setDraft((d) => ({ ...d, since: v }))} onApply={set('since')} />
        <DateField label="To" hook="tl-until" draft={draft.until} invalid={bad(filter.until)} onDraft={(v) => setDraft((d) => ({ ...d, until: v }))} onApply={set('until')} />
        <Choice label="Place" hook="tl-place" value={filter.jurisdiction} all="All places" options={(view?.jurisdictions ?? []).map((j) => [j, j])} onChange={set('jurisdiction')} />
        <Choice label="Kind" hook="tl-kind" value={filter.kind} all="All kinds" options={(view?.kinds ?? []).map((k) => [k, kindWordOf(k)])} onChange={set('kind')} />
      </div>
    </>
  );
}

/** The dated facts, oldest first, each linking to its entry (a year is announced to screen readers once). */
function TimelineItems({ items, onOpen }: { items: PackTimelineView['items']; onOpen: (id: string) => void }) {
  let year = '';
  return (
    <ol class="ol-timeline" aria-label="Dated facts, oldest first" data-ol="tl-items">
      {items.map((x, i) => {
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
  );
}

/** The entries with a before/after view, and those with no date in the pack. */
function TimelineAside({ view, onOpen, onBeforeAfter }: { view: PackTimelineView; onOpen: (id: string) => void; onBeforeAfter: ((id: string) => void) | undefined }) {
  return (
    <>
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
  );
}

/** The large packs whose history the timeline leaves out, said plainly (not an empty-looking code). */
function NotCovered({ packs }: { packs: PackTimelineView['notCovered'] }) {
  if (!packs?.length) return null;
  return (
    <p class="ol-muted" data-ol="tl-not-covered">
      Not in this timeline: {packs.map((p) => `“${p.title}” (${p.entries.toLocaleString('en-US')} sections)`).join(', ')}. A whole imported code's history is too long to list here; each section's card shows its own.
    </p>
  );
}

const bad = (d: string) => d !== '' && !DATE.test(d);

export function PackTimeline({ onOpen, onBeforeAfter, copy, initial }: PackTimelineProps) {
  const [filter, setFilter] = useState<TimelineFilter>({ since: '', until: '', jurisdiction: '', kind: '', ...initial });
  const [view, setView] = useState<PackTimelineView | null>(null);
  const [failed, setFailed] = useState(false);
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
  return (
    <section class="ol-section" aria-labelledby="ol-tl-title" data-ol="pack-timeline">
      <h2 class="ol-section-title" id="ol-tl-title">
        What changed
      </h2>
      <TimelineControls filter={filter} setFilter={setFilter} view={view} />
      {bad(filter.since) || bad(filter.until) ? <p class="ol-empty">Write dates as YYYY, YYYY-MM or YYYY-MM-DD.</p> : null}
      {view ? (
        <>
          <p class="ol-muted" role="status" aria-live="polite" data-ol="tl-count">
            {view.items.length} dated {view.items.length === 1 ? 'fact' : 'facts'}
            {filter.since ? ` since ${filter.since}` : ''}
            {filter.until ? ` until ${filter.until}` : ''}. A date written as a month or a year is listed first in that month or year.
          </p>
          <NotCovered packs={view.notCovered} />
          {view.items.length ? <TimelineItems items={view.items} onOpen={onOpen} /> : <p class="ol-empty">No dated fact in this range.</p>}
          <CopyMemoRow memo={view.memo} copy={copy} noun="range" hook="tl-memo" />
          <TimelineAside view={view} onOpen={onOpen} onBeforeAfter={onBeforeAfter} />
        </>
      ) : (
        <p class="ol-muted" role="status" data-ol={failed ? 'tl-failed' : 'tl-loading'}>
          {failed ? 'The timeline could not be loaded. Reload this page to try again.' : 'Loading the timeline…'}
        </p>
      )}
    </section>
  );
}
