import { useEffect, useState } from 'preact/hooks';
import type { EntryView, LookupView } from '../core/view/types';
import { LookupAnswer } from './LookupAnswer';
import { ClaimCheckPanel, looksLikeClaim } from './ClaimCheck';
import type { CopyFn } from './CitationCopy';

export interface LensCardProps {
  /** null while the answer is on its way. */
  view: LookupView | null;
  /** The selection, already capped, echoed so the reader sees what was looked up. */
  echo: string;
  opened: EntryView | null;
  /** The opened entry came from this entry's related list ("Related to …", no match label). */
  openedRelatedTo?: string;
  onOpen: (id: string, relatedTo?: string) => void;
  /** "Open full entry": resolves to a sentence saying where it opened. */
  onOpenFull?: (id: string) => Promise<string>;
  onBack: () => void;
  onClose: () => void;
  copy: CopyFn;
}

/** The in-page card: a non-modal dialog beside the selection. Presentational; mounted by components/card/card-controller.tsx. */
export function LensCard({ view, echo, opened, openedRelatedTo, onOpen, onOpenFull, onBack, onClose, copy }: LensCardProps) {
  const top = view?.result.results[0];
  const title = opened?.entry.title ?? top?.title;
  // What the card headlines when there is no answer, in the same words for eyes and ears.
  const noAnswer = view?.degraded
    ? 'the lookup failed'
    : view?.result.headline === 'possible'
      ? 'possible matches, none a clear answer'
      : view && !view.result.query.trim()
        ? 'select some text first'
        : 'nothing in this pack covers this';
  const label = view ? (title ? `Ordinance Lens: ${title}` : `Ordinance Lens: ${noAnswer}`) : 'Ordinance Lens';
  // Announce after mount, so screen readers pick the change up in the live region.
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (!view) return;
    const t = setTimeout(() => setAnnounce(title ? `Ordinance Lens found ${title}.` : `Ordinance Lens: ${noAnswer}.`), 60);
    return () => clearTimeout(t);
  }, [view, title, noAnswer]);
  return (
    <div class="ol-root ol-card" role="dialog" aria-label={label} tabIndex={-1} data-ol="card">
      <div class="ol-card-bar">
        <span class="ol-card-brand">Ordinance Lens</span>
        {echo ? (
          // In the bar, on one line: the reader knows what they selected; the answer gets the room.
          <span class="ol-echo" data-ol="echo" title={echo}>
            You selected: “{echo}”
          </span>
        ) : null}
        {opened ? (
          <button type="button" class="ol-btn ol-btn--ghost" onClick={onBack} data-ol="back">
            Back
          </button>
        ) : null}
        <button type="button" class="ol-icon-btn" aria-label="Close (Esc)" title="Close (Esc)" onClick={onClose} data-ol="close">
          ×
        </button>
      </div>
      <div class="ol-card-body">
        {view ? (
          <LookupAnswer
            view={view}
            opened={opened}
            {...(openedRelatedTo ? { openedRelatedTo } : {})}
            {...(onOpenFull ? { onOpenFull } : {})}
            citationStyle={view.citationStyle}
            copy={copy}
            onOpen={onOpen}
            mode="card"
            idPrefix="olc"
          />
        ) : (
          <p class="ol-muted" role="status">
            Looking this up…
          </p>
        )}
        {view && !opened && looksLikeClaim(view.result.query) ? (
          // A sentence or passage: after the best entry's top block, each claim beside the point that speaks to it.
          <ClaimCheckPanel text={view.result.query} copy={copy} onOpen={onOpen} idPrefix="olc" />
        ) : null}
      </div>
      <div class="ol-sr" role="status" aria-live="polite" aria-atomic="true">
        {announce}
      </div>
    </div>
  );
}
