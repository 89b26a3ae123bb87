import type { LookupHit } from '../core/search/types';
import { kindWordOf } from '../core/view/words';
import { MatchBadge } from './ConfidenceBadge';

export interface ResultListProps {
  id: string;
  hits: readonly Pick<LookupHit, 'id' | 'title' | 'citation' | 'kind' | 'confidence' | 'pinpoint'>[];
  /** Index of the keyboard-highlighted result (-1 for none). */
  active: number;
  onPick: (id: string, index: number) => void;
  label: string;
  /** Hits from imported packs: entry id → pack title (shown, since they are not curated). */
  packOf?: Record<string, string> | undefined;
}

/** A listbox of results; the search box keeps focus and points at the active option. */
export function ResultList({ id, hits, active, onPick, label, packOf }: ResultListProps) {
  if (!hits.length) return null;
  return (
    <ul class="ol-results" id={id} role="listbox" aria-label={label} data-ol="results">
      {hits.map((h, i) => (
        <li
          key={h.id}
          id={`${id}-opt-${i}`}
          role="option"
          aria-selected={i === active}
          class="ol-result"
          data-result-id={h.id}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(h.id, i)}
        >
          <div class="ol-result-title">{h.title}</div>
          {h.citation ? (
            <div class="ol-result-cite">
              {h.citation}
              {h.pinpoint ?? ''}
            </div>
          ) : null}
          <div class="ol-result-sub">
            <span>{kindWordOf(h.kind)}</span>
            <MatchBadge confidence={h.confidence} />
            {packOf?.[h.id] ? <span data-ol="pack">From “{packOf[h.id]}” (imported)</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
