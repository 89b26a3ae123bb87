/**
 * The popup's "Always explain pages on example.com": off until the reader ticks it; ticking asks
 * the browser for that one site's permission (the browser shows its own prompt), and from then on
 * the site's pages are marked as they load. Unticking stops it and gives the permission back.
 * Shown only over an http(s) page (the tab the popup opened over, known through activeTab).
 */
import { useEffect, useState } from 'preact/hooks';
import { readAlwaysSites } from '../lib/scan/always-here-store';
import { activeTabSite, alwaysHereOn, askAlwaysHere, stopAlwaysHere } from '../lib/scan/always-here-ask';

export function AlwaysHereToggle() {
  const [site, setSite] = useState<string | null>(null);
  const [on, setOn] = useState(false);
  const [note, setNote] = useState('');
  useEffect(() => {
    void activeTabSite().then(async (s) => {
      setSite(s);
      if (s) setOn(await alwaysHereOn(s, await readAlwaysSites()));
    });
  }, []);
  if (!site) return null;
  const toggle = (want: boolean) => {
    setNote('');
    if (want) {
      void askAlwaysHere(site).then((ok) => (setOn(ok), setNote(ok ? `Pages on ${site} will be explained as they load.` : `Not turned on: ${site} was not allowed.`)));
    } else {
      void stopAlwaysHere(site).then(() => (setOn(false), setNote(`Stopped on ${site}.`)));
    }
  };
  return (
    <label class="ol-row" style="font-size:13px;gap:6px;width:100%" data-ol="always-here">
      <input type="checkbox" checked={on} onChange={(e) => toggle((e.currentTarget as HTMLInputElement).checked)} />
      Always explain pages on {site}
      {note ? (
        <span role="status" class="ol-muted" style="flex-basis:100%">
          {note}
        </span>
      ) : null}
    </label>
  );
}
