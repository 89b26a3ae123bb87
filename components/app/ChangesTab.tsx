/** "What changed": the pack's timeline, opening on "since 2024", and a before/after view of one entry. */
import { useState } from 'preact/hooks';
import { BeforeAfterPanel } from '../BeforeAfter';
import { PackTimeline } from '../PackTimeline';
import type { CopyFn } from '../CitationCopy';

export function ChangesTab({ copy, onOpen }: { copy: CopyFn; onOpen: (id: string) => void }) {
  const [beforeAfterId, setBeforeAfterId] = useState<string | null>(null);
  return (
    <section id="ol-panel-changes" role="tabpanel" aria-labelledby="ol-tab-changes" class="ol-entry">
      {beforeAfterId ? (
        <div class="ol-entry">
          <button type="button" class="ol-btn ol-btn--ghost ol-back" onClick={() => setBeforeAfterId(null)} data-ol="ba-back">
            ← Back to the timeline
          </button>
          <BeforeAfterPanel id={beforeAfterId} onOpen={onOpen} />
        </div>
      ) : (
        // Opens on "since 2024": the question readers ask first is one click away.
        <PackTimeline onOpen={onOpen} onBeforeAfter={setBeforeAfterId} copy={copy} initial={{ since: '2024' }} />
      )}
    </section>
  );
}
