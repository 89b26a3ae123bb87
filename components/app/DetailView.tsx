/** One entry in full (everything the card shows, plus its before/after), with a way back to the results. */
import { useEffect, useRef } from 'preact/hooks';
import { BeforeAfterPanel } from '../BeforeAfter';
import { EntryCard } from '../EntryCard';
import type { CopyFn } from '../CitationCopy';
import type { LookupHit } from '../../core/search/types';
import type { EntryView } from '../../lib/messages';
import type { CitationStyle } from '../../lib/storage/settings';

export interface Detail {
  view: EntryView;
  /** The engine's hit that led here (what matched, the pinpoint), when there was one. */
  hit?: LookupHit;
}

export interface DetailViewProps {
  detail: Detail;
  style: CitationStyle;
  copy: CopyFn;
  onOpen: (id: string) => void;
  onBack: () => void;
}

export function DetailView({ detail, style, copy, onOpen, onBack }: DetailViewProps) {
  const heading = useRef<HTMLDivElement>(null);
  // Focus moves to the entry so a keyboard or screen-reader user lands on what they opened.
  useEffect(() => heading.current?.focus(), [detail]);
  const id = detail.view.entry.id;
  return (
    <div class="ol-entry" data-ol="detail">
      <button type="button" class="ol-btn ol-btn--ghost ol-back" onClick={onBack} data-ol="back">
        ← Back to results
      </button>
      <div ref={heading} tabIndex={-1} aria-label={`Details: ${detail.view.entry.title}`}>
        <EntryCard key={id} view={detail.view} {...(detail.hit ? { hit: detail.hit } : {})} mode="detail" citationStyle={style} copy={copy} onOpenRelated={onOpen} idPrefix="old" />
        <BeforeAfterPanel key={`ba-${id}`} id={id} onOpen={onOpen} />
      </div>
    </div>
  );
}
