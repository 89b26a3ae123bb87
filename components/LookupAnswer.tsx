import type { CitationStyleName } from '../core/format/citation';
import type { LookupHit } from '../core/search/types';
import type { EntryView, LookupView } from '../core/view/types';
import { kindWordOf } from '../core/view/words';
import { EntryCard } from './EntryCard';
import { Fold } from './entry/parts';
import { MatchBadge } from './ConfidenceBadge';
import type { CopyFn } from './CitationCopy';

export interface LookupAnswerProps {
  view: LookupView;
  /** An entry the reader opened from "related" or "other results" (replaces the top answer). */
  opened?: EntryView | null;
  citationStyle: CitationStyleName;
  copy: CopyFn;
  /** `relatedTo`: the title of the entry whose related list it was opened from. */
  onOpen: (id: string, relatedTo?: string) => void;
  /** Card only: the opened entry came from a related list (no match label then). */
  openedRelatedTo?: string;
  /** Card only: "Open full entry" (see components/entry/CardEntry.tsx). */
  onOpenFull?: (id: string) => Promise<string>;
  mode: 'card' | 'detail';
  idPrefix: string;
}

/** The answer to one lookup: the top entry in full, or "nothing in this pack covers this", then other results. */
export function LookupAnswer({ view, opened, openedRelatedTo, onOpenFull, citationStyle, copy, onOpen, mode, idPrefix }: LookupAnswerProps) {
  const { result } = view;
  const top = result.results[0];
  const shown = opened ?? (top ? view.views[top.id] : undefined);
  // An entry opened from a related list was not scored against the selection: no hit, no label.
  const hit = openedRelatedTo ? undefined : opened ? [...result.results, ...result.others].find((h) => h.id === opened.entry.id) : top;
  const others: LookupHit[] = [...result.results, ...result.others].filter((h) => h.id !== shown?.entry.id).slice(0, 6);
  // On the card, below an answer, other results fold beside the entry's own folds.
  const folded = mode === 'card' && !!shown;
  return (
    <div class="ol-entry" data-ol="answer">
      {result.unknownCitations.map((u, i) => (
        <p class="ol-empty" key={`u${i}`} data-ol="unknown-citation">
          {u.message}
        </p>
      ))}
      {view.degraded ? (
        // The engine failed on this selection (a bug): say so rather than "nothing covers this".
        <p class="ol-empty" data-ol="degraded">
          This lookup failed inside Ordinance Lens, so no answer is shown. Nothing you selected was lost; try a shorter selection or the toolbar search.
        </p>
      ) : !shown && result.mode === 'empty' && !result.query.trim() ? (
        // Nothing was selected (or only a password field): no lookup was made, so say what to do.
        <p class="ol-empty" data-ol="nothing">
          Select some text first, then ask Ordinance Lens again. For text inside an embedded frame from another site, right-click it and
          choose “Explain … with Ordinance Lens”.
        </p>
      ) : !shown && result.headline === 'possible' ? (
        // Some entry clears the Possible bar but none is a clear answer: never "nothing" then.
        <p class="ol-empty" data-ol="possible">
          Possible matches. None is a clear answer; read the entry before you cite it.
        </p>
      ) : !shown ? (
        <p class="ol-empty" data-ol="nothing">
          Nothing in this pack covers this.
          {result.others.length ? ' Some entries share words with it; they are listed below, unconfirmed.' : ''}
        </p>
      ) : (
        <EntryCard
          key={shown.entry.id}
          view={shown}
          {...(hit ? { hit } : {})}
          mode={mode}
          citationStyle={citationStyle}
          copy={copy}
          onOpenRelated={(id) => onOpen(id, shown.entry.title)}
          selection={result.query}
          {...(openedRelatedTo ? { relatedTo: openedRelatedTo } : {})}
          {...(onOpenFull ? { onOpenFull } : {})}
          {...(folded && others.length ? { moreFolds: <OtherResults view={view} others={others} answered folded onOpen={onOpen} idPrefix={idPrefix} /> } : {})}
          idPrefix={idPrefix}
        />
      )}
      {result.truncated ? <p class="ol-muted">Only the first part of a very long selection was read.</p> : null}
      {others.length && !folded ? <OtherResults view={view} others={others} answered={!!shown} folded={false} onOpen={onOpen} idPrefix={idPrefix} /> : null}
    </div>
  );
}

interface OtherResultsProps {
  view: LookupView;
  others: LookupHit[];
  /** An entry answers the lookup: these are "Other results", not "Possible matches". */
  answered: boolean;
  /** On the card below an answer: folded with a count, so the answer's actions stay in view. */
  folded: boolean;
  onOpen: (id: string) => void;
  idPrefix: string;
}

function OtherResults({ view, others, answered, folded, onOpen, idPrefix }: OtherResultsProps) {
  const { result } = view;
  const list = (
    <ul class="ol-related" data-ol="others">
      {others.map((h) => (
        <li key={h.id}>
          <button type="button" class="ol-link-btn" onClick={() => onOpen(h.id)} data-other-id={h.id}>
            <span class="ol-link-rel">
              {kindWordOf(h.kind)}
              {/* Only answers carry a match label; other candidates did not pass the answer line. */}
              {result.results.some((r) => r.id === h.id) ? <> <MatchBadge confidence={h.confidence} /></> : null}
            </span>
            {h.title}
            {h.citation ? <span class="ol-muted"> · {h.citation}</span> : null}
            {view.packOf?.[h.id] ? <span class="ol-muted" data-ol="pack"> · from “{view.packOf[h.id]}” (imported)</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
  if (folded) {
    return (
      <Fold title="Other results" count={others.length} name="others">
        {list}
      </Fold>
    );
  }
  return (
    <section class="ol-section" aria-labelledby={`${idPrefix}-others`}>
      <h3 class="ol-section-title" id={`${idPrefix}-others`}>
        {answered ? 'Other results' : 'Possible matches'}
      </h3>
      {list}
    </section>
  );
}
