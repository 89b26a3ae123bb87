import type { ResultRow, TypeaheadMarks } from '../core/typeahead/index';
import { kindWordOf } from '../core/view/words';
import { MatchBadge } from './ConfidenceBadge';
import { Highlighted } from './Highlighted';

export interface ResultListProps {
  id: string;
  rows: readonly ResultRow[];
  /** Index of the keyboard-highlighted result (-1 for none). */
  active: number;
  onPick: (id: string, index: number) => void;
  label: string;
  /** Hits from imported packs: entry id → pack title (shown, since they are not curated). */
  packOf?: Record<string, string> | undefined;
}

/** What matched, for a row the engine did not rate: the field the typed letters were found in. */
function typedMatchWord(marks: TypeaheadMarks): string {
  if (marks.title) return 'Title match';
  if (marks.citation) return 'Citation match';
  return 'Alias match';
}

/** A listbox of results; the search box keeps focus and points at the active option. */
export function ResultList({ id, rows, active, onPick, label, packOf }: ResultListProps) {
  if (!rows.length) return null;
  return (
    <ul class="ol-results" id={id} role="listbox" aria-label={label} data-ol="results">
      {rows.map((r, i) => (
        <li
          key={r.id}
          id={`${id}-opt-${i}`}
          role="option"
          aria-selected={i === active}
          class="ol-result"
          data-result-id={r.id}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(r.id, i)}
        >
          <div class="ol-result-title">
            <Highlighted text={r.title} ranges={r.marks?.title} />
          </div>
          {r.marks?.alias ? (
            <div class="ol-result-alias" data-ol="alias">
              Also called “<Highlighted text={r.marks.alias.text} ranges={r.marks.alias.ranges} />”
            </div>
          ) : null}
          {r.citation ? (
            <div class="ol-result-cite">
              <Highlighted text={r.citation} ranges={r.marks?.citation} />
              {r.hit?.pinpoint ?? ''}
            </div>
          ) : null}
          <div class="ol-result-sub">
            <span>{kindWordOf(r.kind)}</span>
            {r.hit ? <MatchBadge confidence={r.hit.confidence} /> : r.marks ? <span class="ol-badge">{typedMatchWord(r.marks)}</span> : null}
            {packOf?.[r.id] ? <span data-ol="pack">From “{packOf[r.id]}” (imported)</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
