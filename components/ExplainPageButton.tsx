/**
 * The popup's "Explain this page" button: asks the background to mark, in the tab the popup was
 * opened over, every law, order and term of the packs (lib/scan). Nothing is marked until the
 * reader presses it; the popup closes so the marks can be seen. Below it, the optional "always
 * explain pages on this site" (./AlwaysHereToggle.tsx).
 */
import { useState } from 'preact/hooks';
import { askScan } from '../lib/scan/protocol';
import { AlwaysHereToggle } from './AlwaysHereToggle';

const WHY: Record<string, string> = {
  'injection-failed': 'This page does not let Ordinance Lens in (browser pages, the web store, PDF viewer).',
  'page-refused': 'This page cannot be marked.',
  'page-unreachable': 'This page did not answer. Reload it and try again.',
  'page-failed': 'Marking this page failed. Reload it and try again.',
  'no-tab': 'No page to explain.',
};

export function ExplainPageButton({ onDone = () => window.close() }: { onDone?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async () => {
    setBusy(true);
    setError('');
    const res = await askScan('scan:explain', {}).catch(() => null);
    setBusy(false);
    if (res?.ok) onDone();
    else setError(WHY[res?.reason ?? ''] ?? 'This page could not be explained.');
  };
  return (
    <div class="ol-root ol-explain-page" style="display:flex;gap:8px;align-items:center;padding:10px 12px 2px;flex-wrap:wrap">
      <button type="button" class="ol-btn ol-btn--ghost" data-ol="explain-page" disabled={busy} onClick={() => void run()} title="Mark every law, order and term this page mentions (Alt+Shift+E)">
        {busy ? 'Reading the page…' : 'Explain this page'}
      </button>
      {error ? (
        <span role="alert" style="color:var(--ol-muted);font-size:13px">
          {error}
        </span>
      ) : null}
      <AlwaysHereToggle />
    </div>
  );
}
