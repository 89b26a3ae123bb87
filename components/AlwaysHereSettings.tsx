/**
 * Settings → "Explain pages automatically": the sites where the reader turned it on (each with
 * Stop, which also gives that site's permission back), and a field to add one (the browser asks
 * for the site's permission). Empty, and nothing is marked by itself, until the reader adds a site.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseSiteInput } from '../core/scan/site';
import { readAlwaysSites, watchAlwaysSites } from '../lib/scan/always-here-store';
import { alwaysHereOn, askAlwaysHere, stopAlwaysHere } from '../lib/scan/always-here-ask';

interface Row {
  site: string;
  /** The permission is held (a listed site without it marks nothing). */
  on: boolean;
}

async function rows(): Promise<Row[]> {
  const listed = await readAlwaysSites();
  return Promise.all(listed.map(async (site) => ({ site, on: await alwaysHereOn(site, listed) })));
}

export function AlwaysHereSettings() {
  const [list, setList] = useState<Row[]>([]);
  const [input, setInput] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    const load = () => void rows().then(setList);
    load();
    return watchAlwaysSites(load);
  }, []);

  const add = () => {
    const site = parseSiteInput(input);
    if (!site) return setStatus('Type a site such as www.example.com.');
    void askAlwaysHere(site).then((ok) => {
      setStatus(ok ? `Pages on ${site} will be explained as they load.` : `Not added: ${site} was not allowed.`);
      if (ok) setInput('');
    });
  };
  const stop = (site: string) =>
    void stopAlwaysHere(site).then((r) =>
      setStatus(r.permissionRemoved ? `Stopped on ${site}; its permission was given back.` : `Stopped on ${site}. The browser keeps this extension's access to it (given at install, not by this setting).`),
    );

  return (
    <section class="ol-section" aria-labelledby="set-always" data-ol="always-settings">
      <h2 class="ol-section-title" id="set-always">
        Explain pages automatically
      </h2>
      <p class="ol-muted">Off everywhere unless you add a site. On these sites every page is marked as it loads, as if you had pressed “Explain this page”; each needs that site’s permission, which the browser asks you for.</p>
      {list.length ? (
        <ul data-ol="always-sites" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.map((r) => (
            <li key={r.site} class="ol-row" data-site={r.site}>
              <span>
                {r.site}
                {r.on ? '' : ' (permission missing: add it again)'}
              </span>
              <button type="button" class="ol-btn ol-btn--ghost" data-ol="always-stop" onClick={() => stop(r.site)} aria-label={`Stop explaining pages on ${r.site}`}>
                Stop
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p data-ol="always-none">No sites.</p>
      )}
      <div class="ol-row">
        <label for="set-always-site" class="ol-sr">
          Site
        </label>
        <input id="set-always-site" class="ol-input" placeholder="www.example.com" value={input} onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)} />
        <button type="button" class="ol-btn" data-ol="always-add" onClick={add}>
          Add site
        </button>
      </div>
      <p role="status" class="ol-muted" data-ol="always-status">
        {status}
      </p>
    </section>
  );
}
