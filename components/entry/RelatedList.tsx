/** An entry's related entries: buttons that open them (card, detail) or plain lines, short at first. */
import { useState } from 'preact/hooks';
import type { RelatedLink } from '../../core/view/types';

export function RelatedList({ related, cap, onOpen }: { related: readonly RelatedLink[]; cap: number; onOpen?: ((id: string) => void) | undefined }) {
  const [all, setAll] = useState(false);
  const shown = all ? related : related.slice(0, cap);
  return (
    <>
      <ul class="ol-related" data-ol="related">
        {shown.map((r) => (
          <li key={r.id}>
            {onOpen ? (
              <button type="button" class="ol-link-btn" onClick={() => onOpen(r.id)} data-related-id={r.id}>
                <span class="ol-link-rel">{r.relation}</span>
                {r.title}
                {r.citation ? <span class="ol-muted"> · {r.citation}</span> : null}
              </button>
            ) : (
              <span>
                {r.relation}: {r.title}
              </span>
            )}
          </li>
        ))}
      </ul>
      {related.length > shown.length ? (
        <button type="button" class="ol-btn ol-btn--ghost ol-back" onClick={() => setAll(true)} data-ol="all-related">
          Show all {related.length} related entries
        </button>
      ) : null}
    </>
  );
}
