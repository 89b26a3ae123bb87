/**
 * An entry on the in-page card, for a reader in a hurry. Top: title, citation, status with the
 * text-version note, and the two actions (Copy citation with its style menu, Open full entry).
 * Then the summary, the points that answer the selection (core/format/answering-points.ts;
 * otherwise the entry's leading points) and the exceptions. Open questions, related entries and
 * sources fold below with their counts. Everything else is one click away in the full entry.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { answeringIndexes } from '../../core/format/answering-points';
import type { CitationStyleName } from '../../core/format/citation';
import type { LookupHit } from '../../core/search/types';
import type { EntryView } from '../../core/view/types';
import { CitationCopy, type CopyFn } from '../CitationCopy';
import { SourceList } from '../SourceLinks';
import { EntryHead } from './EntryHead';
import { Fold, PointSection, QuestionList } from './parts';
import { RelatedList } from './RelatedList';

/**
 * Points and exceptions a card shows before "N more in the full entry": more when they answer the
 * selection, fewer of the leading ones otherwise (so a typical answer fits a 1280×720 window).
 */
const CARD_POINTS = { answering: 3, leading: 2 };
const CARD_EXCEPTIONS = { answering: 2, leading: 1 };

export interface CardEntryProps {
  view: EntryView;
  hit?: LookupHit | undefined;
  /** What the reader selected: decides which points answer it. */
  selection?: string | undefined;
  /** Opened from this entry's related list: says so instead of a match label. */
  relatedTo?: string | undefined;
  citationStyle: CitationStyleName;
  copy: CopyFn;
  onOpenRelated?: ((id: string) => void) | undefined;
  /** Opens the entry's detail view (side panel, sidebar or tab); resolves to what to tell the reader. */
  onOpenFull?: ((id: string) => Promise<string>) | undefined;
  /** More folds for the same row (the lookup's other results). */
  moreFolds?: ComponentChildren;
  idPrefix: string;
}

/** Which of `items` the card shows: those that answer the selection, else the leading ones. */
function pick(count: number, answering: number[], cap: { answering: number; leading: number }): { shown: number[]; answers: boolean } {
  if (answering.length) return { shown: answering.slice(0, cap.answering), answers: true };
  return { shown: Array.from({ length: Math.min(cap.leading, count) }, (_, i) => i), answers: false };
}

function Actions({ props, onFull }: { props: CardEntryProps; onFull: (() => void) | undefined }) {
  const { view, hit, citationStyle, copy, idPrefix } = props;
  const input = { entry: view.entry, asOf: view.asOf, ...(hit?.pinpoint ? { pinpoint: hit.pinpoint } : {}) };
  return (
    <div class="ol-actions" data-ol="actions">
      <CitationCopy idPrefix={idPrefix} defaultStyle={citationStyle} copy={copy} input={input} compact>
        {onFull ? (
          <button type="button" class="ol-btn ol-btn--ghost" data-ol="open-full" onClick={onFull}>
            Open full entry
          </button>
        ) : null}
      </CitationCopy>
    </div>
  );
}

export function CardEntry(props: CardEntryProps) {
  const { view, hit, selection, relatedTo, onOpenRelated, onOpenFull, moreFolds, idPrefix } = props;
  const { entry } = view;
  const [fullStatus, setFullStatus] = useState('');
  const pinpoint = relatedTo ? undefined : hit?.pinpoint;
  const points = pick(entry.points.length, relatedTo ? [] : answeringIndexes(entry.points, selection ?? '', pinpoint), CARD_POINTS);
  const exceptions = pick(entry.exceptions.length, relatedTo ? [] : answeringIndexes(entry.exceptions, selection ?? '', pinpoint), CARD_EXCEPTIONS);
  const hidden = entry.points.length - points.shown.length + entry.exceptions.length - exceptions.shown.length;
  const openFull = onOpenFull ? () => void onOpenFull(entry.id).then(setFullStatus) : undefined;
  const titleId = `${idPrefix}-title`;
  return (
    <article class="ol-entry ol-entry--card" aria-labelledby={titleId} data-ol="entry" data-entry-id={entry.id}>
      <EntryHead view={view} hit={relatedTo ? undefined : hit} relatedTo={relatedTo} titleId={titleId} />
      <Actions props={props} onFull={openFull} />
      {fullStatus ? (
        <p class="ol-muted" role="status" data-ol="open-full-status">
          {fullStatus}
        </p>
      ) : null}
      <p class="ol-summary" data-ol="summary">
        {entry.summary}
      </p>
      <span data-ol="head-end" aria-hidden="true" />
      <PointSection title={points.answers ? 'What answers your selection' : 'What it provides'} id={`${idPrefix}-points`} view={view} shown={points.shown} matched={() => points.answers} />
      <PointSection title="Exceptions and limits" id={`${idPrefix}-exceptions`} view={view} exception shown={exceptions.shown} matched={() => exceptions.answers} />
      {hidden > 0 && openFull ? (
        <button type="button" class="ol-link ol-more" data-ol="more-points" onClick={openFull}>
          {hidden} more {hidden === 1 ? 'point' : 'points'} in the full entry
        </button>
      ) : hidden > 0 ? (
        <p class="ol-muted">{hidden} more {hidden === 1 ? 'point' : 'points'} in the full entry.</p>
      ) : null}
      <div class="ol-folds">
        {entry.openQuestions.length ? (
          <Fold title="Open questions" count={entry.openQuestions.length} name="questions">
            <p class="ol-muted">Not confirmed by the sources.</p>
            <QuestionList questions={entry.openQuestions} />
          </Fold>
        ) : null}
        {view.related.length ? (
          <Fold title="Related" count={view.related.length} name="related">
            <RelatedList related={view.related} cap={4} onOpen={onOpenRelated} />
          </Fold>
        ) : null}
        <Fold title="Sources" count={entry.sources.length} name="sources">
          <SourceList sources={entry.sources} />
        </Fold>
        {moreFolds}
      </div>
    </article>
  );
}
