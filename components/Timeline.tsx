import type { TimelineItem } from '../core/timeline/index';
import type { Entry } from '../core/schema/pack';
import { ConfidenceBadge } from './ConfidenceBadge';
import { SourceRefs } from './SourceLinks';

const TYPE_WORDS: Record<string, string> = { event: 'Event' };

/** The entry's dated history, oldest first. */
export function Timeline({ items, entry }: { items: readonly TimelineItem[]; entry: Pick<Entry, 'sources'> }) {
  if (!items.length) return null;
  return (
    <ol class="ol-timeline" aria-label="Dated history">
      {items.map((t, i) => (
        <li key={`${t.date}-${i}`}>
          <span class="ol-tl-date">{t.label}</span>{' '}
          <span class="ol-tl-type">{TYPE_WORDS[t.type] ?? t.type[0]!.toUpperCase() + t.type.slice(1)}</span>
          {t.afterAsOf ? <span class="ol-muted"> (after the pack's as-of date)</span> : null}
          <div>
            {t.what} <ConfidenceBadge confidence={t.confidence} />{' '}
            <SourceRefs entry={entry} ids={t.sourceNumbers.map((n) => entry.sources[n - 1]?.id ?? '')} />
          </div>
        </li>
      ))}
    </ol>
  );
}
