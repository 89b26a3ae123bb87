/** Small pieces every entry layout uses: a point, a list of points, a titled section, a fold with a count. */
import type { ComponentChildren } from 'preact';
import type { Point } from '../../core/schema/pack';
import type { EntryView } from '../../core/view/types';
import { ConfidenceBadge } from '../ConfidenceBadge';
import { SourceRefs } from '../SourceLinks';

export function PointItem({ point, view, matched, exception }: { point: Point; view: EntryView; matched: boolean; exception?: boolean }) {
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

/**
 * The entry's points (or exceptions) under a heading: those at the `shown` indexes, in that order,
 * each marked when `matched` says it answers the lookup. Nothing when none is shown.
 */
export function PointSection(props: { title: string; id: string; view: EntryView; exception?: boolean; shown: readonly number[]; matched: (i: number) => boolean }) {
  const { title, id, view, exception, shown, matched } = props;
  if (!shown.length) return null;
  const items = exception ? view.entry.exceptions : view.entry.points;
  return (
    <Section title={title} id={id}>
      <ul class="ol-points" data-ol={exception ? 'exceptions' : 'points'}>
        {shown.map((i) => (
          <PointItem key={i} point={items[i]!} view={view} matched={matched(i)} exception={exception} />
        ))}
      </ul>
    </Section>
  );
}

/** Open questions: what the sources leave unconfirmed. */
export function QuestionList({ questions }: { questions: readonly string[] }) {
  return (
    <ul class="ol-questions" data-ol="questions">
      {questions.map((q, i) => (
        <li key={i}>{q}</li>
      ))}
    </ul>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id: string }) {
  return (
    <section class="ol-section" aria-labelledby={id}>
      <h3 class="ol-section-title" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/** A closed-by-default section whose summary says how many items it holds: "Sources (3)". */
export function Fold({ title, count, children, name }: { title: string; count: number; children: ComponentChildren; name: string }) {
  return (
    <details class="ol-fold" data-ol={`fold-${name}`}>
      <summary class="ol-fold-title">
        {title} ({count})
      </summary>
      <div class="ol-fold-body">{children}</div>
    </details>
  );
}
