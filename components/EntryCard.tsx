/**
 * One entry in full. `mode="detail"` (popup and side panel): everything, with the dated history.
 * `mode="card"` (the in-page card): the short layout of entry/CardEntry.tsx.
 */
import type { ComponentChildren } from 'preact';
import type { Point } from '../core/schema/pack';
import type { LookupHit } from '../core/search/types';
import type { CitationStyleName } from '../core/format/citation';
import { underPinpoint } from '../core/format/answering-points';
import { buildTimeline } from '../core/timeline/index';
import type { EntryView } from '../core/view/types';
import { CitationCopy } from './CitationCopy';
import { SourceList } from './SourceLinks';
import { Timeline } from './Timeline';
import type { CopyFn } from './CitationCopy';
import { CardEntry } from './entry/CardEntry';
import { EntryHead } from './entry/EntryHead';
import { PointSection, QuestionList, Section } from './entry/parts';
import { RelatedList } from './entry/RelatedList';

export interface EntryCardProps {
  view: EntryView;
  /** The engine's hit, when the entry answers a lookup: marks matched points and the pinpoint. */
  hit?: LookupHit;
  /** card: what answers the selection, compactly; detail: everything, with the dated history. */
  mode: 'card' | 'detail';
  citationStyle: CitationStyleName;
  copy: CopyFn;
  onOpenRelated?: (id: string) => void;
  /** Card only: the selection, "Related to …" and "Open full entry" (see entry/CardEntry.tsx). */
  selection?: string;
  relatedTo?: string;
  onOpenFull?: (id: string) => Promise<string>;
  moreFolds?: ComponentChildren;
  idPrefix: string;
}

/** Indexes of points (or exceptions) the hit matched, or whose subsection the pinpoint names. */
export function matchedIndexes(items: readonly Point[], hit: LookupHit | undefined, field: 'point' | 'exception'): Set<number> {
  const out = new Set<number>();
  if (!hit) return out;
  for (const m of hit.matched) if (m.field === field && m.index !== undefined) out.add(m.index);
  items.forEach((p, i) => underPinpoint(p.subsection, hit.pinpoint) && out.add(i));
  return out;
}

export function EntryCard(props: EntryCardProps) {
  if (props.mode === 'card') return <CardEntry {...props} />;
  const { view, hit, citationStyle, copy, onOpenRelated, idPrefix } = props;
  const { entry } = view;
  const pointHits = matchedIndexes(entry.points, hit, 'point');
  const exceptionHits = matchedIndexes(entry.exceptions, hit, 'exception');
  const timeline = buildTimeline(entry, view.asOf);
  return (
    <article class="ol-entry" aria-labelledby={`${idPrefix}-title`} data-ol="entry" data-entry-id={entry.id}>
      <EntryHead view={view} hit={hit} titleId={`${idPrefix}-title`} />
      <p class="ol-summary" data-ol="summary">
        {entry.summary}
      </p>
      <PointSection title="What it provides" id={`${idPrefix}-points`} view={view} shown={entry.points.map((_, i) => i)} matched={(i) => pointHits.has(i)} />
      <PointSection title="Exceptions and limits" id={`${idPrefix}-exceptions`} view={view} exception shown={entry.exceptions.map((_, i) => i)} matched={(i) => exceptionHits.has(i)} />
      {entry.openQuestions.length ? (
        <Section title="Open questions (not confirmed)" id={`${idPrefix}-questions`}>
          <QuestionList questions={entry.openQuestions} />
        </Section>
      ) : null}
      {view.related.length ? (
        <Section title="Related" id={`${idPrefix}-related`}>
          <RelatedList related={view.related} cap={10} onOpen={onOpenRelated} />
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
