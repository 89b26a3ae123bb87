/**
 * Before and after: the earlier rule beside the later one, provision by provision, each row
 * marked added, removed, kept (a source says so), compare, stated or unknown. A provision whose
 * later text the pack lacks is "Unknown", never "unchanged".
 */
import type { BeforeAfterView, ChangeKind, Provision } from '../core/timeline/before-after';
import { formatLongDate } from '../core/format/citation';
import { useBackground } from './use-background';
import { ConfidenceBadge } from './ConfidenceBadge';

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  added: 'Added',
  removed: 'Removed',
  kept: 'Kept (a source says so)',
  compare: 'Compare',
  stated: 'Stated in the later text',
  unknown: 'Unknown',
};

function Cell({ p, empty }: { p: Provision | undefined; empty: string }) {
  if (!p) return <td class="ol-ba-none">{empty}</td>;
  return (
    <td>
      <span class="ol-sub">
        {p.entryTitle}
        {p.subsection ? ` ${p.subsection}` : ''}
      </span>
      {p.match === 'exception' ? <span class="ol-muted"> (exception)</span> : null} <ConfidenceBadge confidence={p.confidence} />
      <div>{p.text}</div>
    </td>
  );
}

export function BeforeAfter({ view, onOpen }: { view: BeforeAfterView; onOpen?: (id: string) => void }) {
  const unknown = view.rows.filter((r) => r.change === 'unknown').length;
  return (
    <section class="ol-section" aria-labelledby={`ol-ba-${view.id}`} data-ol="before-after">
      <h3 class="ol-section-title" id={`ol-ba-${view.id}`}>
        Before and after{view.changedOn ? `: ${formatLongDate(view.changedOn)}` : ''}
      </h3>
      {!view.afterTextAvailable ? (
        <p class="ol-empty" data-ol="ba-unknown-note">
          The later text itself was not available. {unknown ? `${unknown} earlier provisions are marked Unknown: they may or may not have changed.` : ''} Nothing
          here is shown as unchanged unless a source says so.
        </p>
      ) : null}
      {onOpen && view.afterEntryId ? (
        <p>
          <button type="button" class="ol-tl-entry" onClick={() => onOpen(view.afterEntryId!)}>
            {view.afterLabel}
          </button>
        </p>
      ) : null}
      <table class="ol-ba">
        <caption>
          {view.title}: {view.beforeLabel} beside {view.afterLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">{view.beforeLabel}</th>
            <th scope="col">{view.afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r, i) => (
            <tr key={i} data-ol="ba-row" data-change={r.change}>
              <th scope="row" class={`ol-change--${r.change}`}>
                {CHANGE_LABELS[r.change]}
              </th>
              <Cell p={r.before} empty="Not in the earlier text, as far as the pack knows" />
              <Cell p={r.after} empty={r.change === 'unknown' ? 'Later text not available' : '—'} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Asks the background for the before/after view of `id`; renders nothing when there is none. */
export function BeforeAfterPanel({ id, onOpen }: { id: string; onOpen?: (id: string) => void }) {
  const asked = useBackground('beforeAfter', { id }, [id]);
  if (asked.state !== 'done' || !asked.value) return null;
  return <BeforeAfter view={asked.value} {...(onOpen ? { onOpen } : {})} />;
}
