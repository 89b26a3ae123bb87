/**
 * The options page: the card on or off (everywhere, or per site: then lookups open in the side
 * panel), the citation style "copy citation" uses, history on/off, clear, export and import.
 */
import { useEffect, useState } from 'preact/hooks';
import { CITATION_STYLES, formatCitation } from '../../core/format/citation';
import { clearHistory, readHistory } from '../storage/history';
import { exportUserData, importUserData } from '../storage/backup';
import { readSettings, writeSettings, type Settings } from '../storage/settings';
import { download } from '../history-export';

const SAMPLE = {
  entry: {
    title: 'Public safety services',
    citation: 'Minneapolis, Minn., Code of Ordinances § 19.30',
    jurisdiction: 'Minneapolis',
    summary: 'Police may not act to find out whether someone is undocumented.',
    sources: [{ id: 's1', url: 'https://library.municode.com/mn/minneapolis', publisher: 'Municode', type: 'primary' as const }],
  },
  asOf: '2026-02-13',
  pinpoint: '(a)(3)',
};

export function SettingsApp() {
  const [s, setS] = useState<Settings | null>(null);
  const [sites, setSites] = useState('');
  const [status, setStatus] = useState('');
  const [count, setCount] = useState(0);

  const load = async () => {
    const next = await readSettings();
    setS(next);
    setSites(next.disabledSites.join('\n'));
    setCount((await readHistory()).length);
  };
  useEffect(() => void load(), []);

  async function save(patch: Partial<Settings>, done = 'Saved.') {
    const r = await writeSettings(patch);
    setStatus(r.ok ? done : r.message);
    await load();
  }

  if (!s) return <div class="ol-root ol-app" />;
  return (
    <div class="ol-root ol-app" data-ol="settings">
      <header class="ol-app-head">
        <h1 style={{ fontSize: '18px', margin: 0 }}>Ordinance Lens settings</h1>
      </header>
      <main class="ol-app-main" style={{ maxWidth: '640px' }}>
        <p class="ol-sr" role="status" aria-live="polite">
          {status}
        </p>
        {status ? <p class="ol-muted" aria-hidden="true">{status}</p> : null}
        <section class="ol-section" aria-labelledby="set-card">
          <h2 class="ol-section-title" id="set-card">
            The card on pages
          </h2>
          <label class="ol-row">
            <input type="checkbox" checked={s.cardEnabled} onChange={(e) => void save({ cardEnabled: (e.currentTarget as HTMLInputElement).checked })} data-ol="card-enabled" />
            Show the card beside the selection (when off, lookups open in the side panel)
          </label>
          <div class="ol-field">
            <label for="set-sites">Sites where the card is off (one per line, e.g. example.com)</label>
            <textarea id="set-sites" class="ol-textarea" value={sites} onInput={(e) => setSites((e.currentTarget as HTMLTextAreaElement).value)} />
            <div class="ol-row">
              <button
                type="button"
                class="ol-btn"
                onClick={() =>
                  void save({
                    disabledSites: sites
                      .split(/[\n,]+/)
                      .map((x) => x.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, ''))
                      .filter(Boolean),
                  })
                }
              >
                Save sites
              </button>
            </div>
          </div>
        </section>
        <section class="ol-section" aria-labelledby="set-cite">
          <h2 class="ol-section-title" id="set-cite">
            Citation style for “Copy citation”
          </h2>
          {CITATION_STYLES.map((c) => (
            <label class="ol-row" key={c.id} style={{ alignItems: 'flex-start' }}>
              <input type="radio" name="cite" value={c.id} checked={s.citationStyle === c.id} onChange={() => void save({ citationStyle: c.id })} />
              <span>
                <strong>{c.label}</strong>
                <br />
                <span class="ol-muted">{formatCitation(c.id, SAMPLE)}</span>
              </span>
            </label>
          ))}
        </section>
        <section class="ol-section" aria-labelledby="set-history">
          <h2 class="ol-section-title" id="set-history">
            Recent lookups ({count} stored on this computer only)
          </h2>
          <label class="ol-row">
            <input type="checkbox" checked={s.historyEnabled} onChange={(e) => void save({ historyEnabled: (e.currentTarget as HTMLInputElement).checked })} />
            Keep a list of recent lookups
          </label>
          <div class="ol-row">
            <button type="button" class="ol-btn ol-btn--ghost" data-ol="clear-history" onClick={() => void clearHistory().then((r) => (setStatus(r.ok ? 'History cleared.' : r.message), load()))}>
              Clear history
            </button>
            <button type="button" class="ol-btn ol-btn--ghost" onClick={() => void exportUserData().then((j) => download('ordinance-lens-backup.json', j, 'application/json'))}>
              Export settings and history (JSON)
            </button>
            <label class="ol-btn ol-btn--ghost" style={{ display: 'inline-flex', alignItems: 'center' }}>
              Import…
              <input
                type="file"
                accept="application/json,.json"
                class="ol-sr"
                onChange={async (e) => {
                  const f = (e.currentTarget as HTMLInputElement).files?.[0];
                  if (!f) return;
                  const r = await importUserData(await f.text());
                  setStatus(r.ok ? 'Imported.' : r.message);
                  await load();
                }}
              />
            </label>
          </div>
        </section>
      </main>
    </div>
  );
}
