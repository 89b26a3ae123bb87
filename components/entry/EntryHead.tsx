/**
 * The top of an entry: what kind of law it is, its title and citation (with the pinpoint), its
 * status, the note that its points describe an older text (here, at the top, never among the
 * open questions), the pack's as-of date, and why it is shown: the match label of an answer or
 * "Related to …" for an entry opened from another's related list (never both).
 */
import { formatLongDate } from '../../core/format/citation';
import type { LookupHit } from '../../core/search/types';
import type { EntryView } from '../../core/view/types';
import { kindWordOf } from '../../core/view/words';
import { MatchBadge, StatusBadge, TextVersionNote } from '../ConfidenceBadge';

export interface EntryHeadProps {
  view: EntryView;
  hit?: LookupHit | undefined;
  relatedTo?: string | undefined;
  titleId: string;
}

export function EntryHead({ view, hit, relatedTo, titleId }: EntryHeadProps) {
  const { entry } = view;
  return (
    <>
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
        <span data-ol="as-of">Current as of {formatLongDate(view.asOf)}</span>
        {relatedTo ? (
          <span class="ol-badge ol-badge--conf" data-ol="related-to">
            Related to {relatedTo}
          </span>
        ) : hit ? (
          <MatchBadge confidence={hit.confidence} />
        ) : null}
        <TextVersionNote textVersion={entry.textVersion} />
      </div>
    </>
  );
}
