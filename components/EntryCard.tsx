import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Point } from '../core/schema/pack';
import type { LookupHit } from '../core/search/types';
import { formatLongDate, type CitationStyleName } from '../core/format/citation';
import { buildTimeline } from '../core/timeline/index';
import type { EntryView } from '../core/view/types';
import { kindWordOf } from '../core/view/words';
import { ConfidenceBadge, MatchBadge, StatusBadge, TextVersionNote } from './ConfidenceBadge';
import { CitationCopy } from './CitationCopy';
import { SourceList, SourceRefs } from './SourceLinks';
import { Timeline } from './Timeline';
import type { CopyFn } from './CitationCopy';

export interface EntryCardProps {
  view: EntryView;
  /** The engine's hit, when the entry answers a lookup: marks matched points and the pinpoint. */
  hit?: LookupHit;
  /** card: what matched, compactly; detail: everything, with the dated history. */
  mode: 'card' | 'detail';
  citationStyle: CitationStyleName;
  copy: CopyFn;
  onOpenRelated?: (id: string) => void;
  idPrefix: string;
}

/** Indexes of points (or exceptions) the hit matched, or whose subsection the pinpoint names. */
export function matchedIndexes(items: readonly Point[], hit: LookupHit | undefined, field: 'point' | 'exception'): Set<number> {
  const out = new Set<number>();
  if (!hit) return out;
  for (const m of hit.matched) if (m.field === field && m.index !== undefined) out.add(m.index);
  if (hit.pinpoint) {
    items.forEach((p, i) => {
      if (p.subsection && (p.subsection.startsWith(hit.pinpoint!) || hit.pinpoint!.startsWith(p.subsection))) out.add(i);
    });
  }
  return out;
}

function PointItem({ point, view, matched, exception }: { point: Point; view: EntryView; matched: boolean; exception?: boolean }) {
  return (
    <li class={`ol-point${matched ? ' ol-point--matched' : ''}${exception ? ' ol-point--exception' : ''}`}>
      <div class="ol-point-head">
        {point.subsection ? <span class="ol-sub">{point.subsection}</span> : null}
        <ConfidenceBadge confidence={point.confidence} />
        <SourceRefs entry={view.entry} ids={point.sources} />
        {matched ? <span class="ol-sr">(matches your selection)</span> : null}
      </div>
      <p class="ol-point-text">{point.text}</p>
    </li>
  );
}

function Section({ title, children, id }: { title: string; children: ComponentChildren; id: string }) {
  return (
    <section class="ol-section" aria-labelledby={id}>
      <h3 class="ol-section-title" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}

export function EntryCard({ view, hit, mode, citationStyle, copy, onOpenRelated, idPrefix }: EntryCardProps) {
  const { entry } = view;
  const pointHits = matchedIndexes(entry.points, hit, 'point');
  const exceptionHits = matchedIndexes(entry.exceptions, hit, 'exception');
  let points = entry.points.map((p, i) => ({ p, i }));
  if (mode === 'card') {
    const matched = points.filter(({ i }) => pointHits.has(i));
    points = matched.length ? matched.slice(0, 4) : points.slice(0, 3);
  }
  const hiddenPoints = entry.points.length - points.length;
  const timeline = mode === 'detail' ? buildTimeline(entry, view.asOf) : [];
  const titleId = `${idPrefix}-title`;
  const [allRelated, setAllRelated] = useState(false);
  const relatedCap = allRelated ? Infinity : mode === 'card' ? 4 : 10;
  return (
    <article class="ol-entry" aria-labelledby={titleId} data-ol="entry" data-entry-id={entry.id}>
      <header>
        <p class="ol-kicker">
          {kindWordOf(entry.kind)} · {entry.jurisdiction}
        </p>
        {view.imported ? (
          <p class="ol-kicker" data-ol="pack">
            From “{view.packTitle}”, a pack you imported (not checked by Ordinance Lens)
          </p>
        ) : null}
        <h2 class="ol-title" id={titleId} data-ol="title">
          {entry.title}
        </h2>
        {entry.citation ? (
          <p class="ol-cite" data-ol="citation">
            {entry.citation}
            {hit?.pinpoint ? <strong>{hit.pinpoint}</strong> : null}
          </p>
        ) : null}
      </header>
      <div class="ol-meta">
        <StatusBadge status={entry.status} />
        <TextVersionNote textVersion={entry.textVersion} />
        <span data-ol="as-of">Current as of {formatLongDate(view.asOf)}</span>
        {hit ? <MatchBadge confidence={hit.confidence} /> : null}
      </div>
      <p class="ol-summary" data-ol="summary">
        {entry.summary}
      </p>
      {points.length ? (
        <Section title={mode === 'card' && pointHits.size ? 'What matched your selection' : 'What it provides'} id={`${idPrefix}-points`}>
          <ul class="ol-points" data-ol="points">
            {points.map(({ p, i }) => (
              <PointItem key={i} point={p} view={view} matched={pointHits.has(i)} />
            ))}
          </ul>
          {hiddenPoints > 0 ? (
            <p class="ol-muted">
              {hiddenPoints} more {hiddenPoints === 1 ? 'point' : 'points'} in the full entry.
            </p>
          ) : null}
        </Section>
      ) : null}
      {entry.exceptions.length ? (
        <Section title="Exceptions and limits" id={`${idPrefix}-exceptions`}>
          <ul class="ol-points" data-ol="exceptions">
            {entry.exceptions.map((p, i) => (
              <PointItem key={i} point={p} view={view} matched={exceptionHits.has(i)} exception />
            ))}
          </ul>
        </Section>
      ) : null}
      {entry.openQuestions.length ? (
        <Section title="Open questions (not confirmed)" id={`${idPrefix}-questions`}>
          <ul class="ol-questions" data-ol="questions">
            {entry.openQuestions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {view.related.length ? (
        <Section title="Related" id={`${idPrefix}-related`}>
          <ul class="ol-related" data-ol="related">
            {view.related.slice(0, relatedCap).map((r) => (
              <li key={r.id}>
                {onOpenRelated ? (
                  <button type="button" class="ol-link-btn" onClick={() => onOpenRelated(r.id)} data-related-id={r.id}>
                    <span class="ol-link-rel">{r.relation}</span>
                    {r.title}
                    {r.citation ? <span class="ol-muted"> · {r.citation}</span> : null}
                  </button>
                ) : (
                  <span>
                    {r.relation}: {r.title}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {view.related.length > relatedCap ? (
            <button type="button" class="ol-btn ol-btn--ghost ol-back" onClick={() => setAllRelated(true)} data-ol="all-related">
              Show all {view.related.length} related entries
            </button>
          ) : null}
        </Section>
      ) : null}
      {timeline.length ? (
        <Section title="History" id={`${idPrefix}-history`}>
          <Timeline items={timeline} entry={entry} />
        </Section>
      ) : null}
      <Section title="Sources" id={`${idPrefix}-sources`}>
        <SourceList sources={entry.sources} />
      </Section>
      <Section title="Cite it" id={`${idPrefix}-cite`}>
        <CitationCopy
          idPrefix={idPrefix}
          defaultStyle={citationStyle}
          copy={copy}
          input={{ entry, asOf: view.asOf, ...(hit?.pinpoint ? { pinpoint: hit.pinpoint } : {}) }}
        />
      </Section>
    </article>
  );
}
