/**
 * The options page: the card on or off (everywhere, or per site: then lookups open in the side
 * panel), the citation style "copy citation" uses, history on/off, clear, export and import, and
 * the packs searched (the bundled one, and packs the reader imports or removes).
 */
import { useEffect, useState } from 'preact/hooks';
import { CITATION_STYLES, formatCitation } from '../../core/format/citation';
import { readHistory } from '../../lib/storage/history';
import { clearHistoryEverywhere } from '../../lib/clear-history';
import { exportUserData, importUserData } from '../../lib/storage/backup';
import { readSettings, writeSettings, type Settings } from '../../lib/storage/settings';
import { download } from '../../lib/history-export';
import { askBackground, type EntryView, type PackInfo } from '../../lib/messages';
import { ConfirmRemove } from './ConfirmRemove';
import { DamagedPacks } from './DamagedPacks';
import { importUserPack, readUserPacks, removeUserPack, watchUserPacks, type StoredPack } from '../../lib/storage/user-packs';
import { summarize, type PackSummary } from '../../core/view/types';
import { ImportProgressBar, largeNote, StorageUseLine, useLargePacks } from './LargePacks';
import { LARGE_PACK_BYTES } from '../../lib/large-pack-import';
import { formatLongDate } from '../../core/format/citation';
import { AboutSection } from './AboutSection';
import { RepairNotices } from './RepairNotices';
import { AlwaysHereSettings } from '../AlwaysHereSettings';

/**
 * The citation-style examples show a real entry of the bundled pack (§ 19.30, pinpointed to
 * (a)(3)), so the memo and Markdown examples carry its real source URL.
 */
const SAMPLE_ID = 'mpls-19.30';
const SAMPLE_PINPOINT = '(a)(3)';

type PackMessage = { ok: boolean; text: string; problems?: string[] };

/** A pack's line in the list: title, id, version, as-of date, entry count. */
function PackRow({ p, hidden, note, onRemove }: { p: PackSummary; hidden?: number; note?: string; onRemove?: () => void }) {
  // Removing cannot be undone here (only the pack's own file brings it back), so it asks first.
  const [confirming, setConfirming] = useState(false);
  return (
    <li class="ol-row" data-ol="pack-row" data-pack-id={p.id} style={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
      <span>
        <strong>{p.title}</strong>
        <br />
        <span class="ol-muted">
          id {p.id} · version {p.version} · current as of {formatLongDate(p.asOf)} · {p.entries} {p.entries === 1 ? 'entry' : 'entries'}
          {hidden ? ` (${hidden} not searched: the bundled pack uses the same id)` : ''}
          {note ? ` · ${note}` : ''}
        </span>
      </span>
      {onRemove && !confirming ? (
        <button type="button" class="ol-btn ol-btn--ghost" onClick={() => setConfirming(true)} aria-label={`Remove ${p.title}`} data-ol="remove-pack">
          Remove
        </button>
      ) : null}
      {onRemove && confirming ? (
        <ConfirmRemove label={`Remove ${p.title}?`} question="Remove it? Only its file brings it back." onYes={onRemove} onKeep={() => setConfirming(false)} hook="confirm-remove" yesHook="confirm-remove-yes" />
      ) : null}
    </li>
  );
}

/** What an import or a removal said, with the file's first problems. */
function PackMessageBox({ message }: { message: PackMessage }) {
  return (
    <div role={message.ok ? 'status' : 'alert'} data-ol="pack-message" data-ok={String(message.ok)}>
      <p>{message.text}</p>
      {message.problems?.length ? (
        <ul class="ol-muted" data-ol="pack-problems" style={{ fontFamily: 'ui-monospace, monospace', overflowWrap: 'anywhere' }}>
          {message.problems.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The bundled packs, then the imported ones (each removable). */
function PackLists({ bundled, imported, large, hiddenOf, onRemove }: { bundled: PackInfo[] | null; imported: PackSummary[]; large: ReturnType<typeof useLargePacks>['packs']; hiddenOf: (id: string) => number; onRemove: (p: PackSummary) => void }) {
  return (
    <>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-ol="bundled-packs" aria-label="Bundled packs">
        {(bundled ?? []).map((p) => (
          <PackRow key={p.id} p={p} />
        ))}
      </ul>
      {bundled === null ? <p class="ol-muted">Loading…</p> : null}
      <h3 class="ol-section-title">Imported</h3>
      {imported.length || large.length ? (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-ol="imported-packs" aria-label="Imported packs">
          {imported.map((p) => (
            <PackRow key={p.id} p={p} hidden={hiddenOf(p.id)} onRemove={() => onRemove(p)} />
          ))}
          {large.map((p) => (
            <PackRow key={p.id} p={p} note={largeNote(p)} onRemove={() => onRemove(p)} />
          ))}
        </ul>
      ) : (
        <p class="ol-muted" data-ol="no-imported">
          No imported packs.
        </p>
      )}
      <DamagedPacks />
    </>
  );
}

function PacksSection() {
  const [bundled, setBundled] = useState<PackInfo[] | null>(null);
  const [bundledIds, setBundledIds] = useState<string[] | null>(null);
  const [stored, setStored] = useState<StoredPack[]>([]);
  const [message, setMessage] = useState<PackMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const large = useLargePacks();

  const loadImported = async () => setStored(await readUserPacks());
  const imported = stored.map((s) => summarize(s.pack));
  // Entries an imported pack shares with a bundled pack that took the id after the import.
  const hiddenOf = (id: string) => {
    const ids = new Set(bundledIds ?? []);
    return stored.find((s) => s.pack.id === id)?.pack.entries.filter((e) => ids.has(e.id)).length ?? 0;
  };
  useEffect(() => {
    void loadImported();
    askBackground('packs', {}).then(
      (r) => {
        setBundled(r?.packs.filter((p) => !p.imported) ?? []);
        setBundledIds(r?.bundledEntryIds ?? null);
      },
      () => setBundled([]),
    );
    return watchUserPacks(setStored);
  }, []);

  async function onFile(input: HTMLInputElement) {
    const f = input.files?.[0];
    if (!f) return;
    setBusy(true);
    setMessage({ ok: true, text: `Checking “${f.name}”…` });
    try {
      if (!bundled || !bundledIds) {
        setMessage({ ok: false, text: 'Not imported: Ordinance Lens could not list its bundled pack to check the file against. Reload this page and try again.' });
        return;
      }
      // `bundled`: the background's own packs, for the import worker's index build (lib/large-pack-index.ts).
      const reserved = { packIds: new Set(bundled.map((p) => p.id)), entryIds: new Set(bundledIds), bundled: () => askBackground('bundledPacks', {}) };
      // A whole code goes to the browser's database (IndexedDB), with a progress bar.
      const r = f.size > LARGE_PACK_BYTES ? await large.importFile(f, reserved) : await importUserPack(await f.text(), reserved);
      setMessage(r.ok ? { ok: true, text: r.message } : { ok: false, text: r.message, ...(r.problems ? { problems: r.problems } : {}) });
      await loadImported();
    } finally {
      input.value = '';
      setBusy(false);
    }
  }

  async function remove(p: PackSummary) {
    const r = large.packs.some((l) => l.id === p.id) ? await large.remove(p.id) : await removeUserPack(p.id);
    setMessage({ ok: r.ok, text: r.message });
    await loadImported();
  }

  return (
    <section class="ol-section" aria-labelledby="set-packs" data-ol="packs">
      <h2 class="ol-section-title" id="set-packs">
        Packs
      </h2>
      <p class="ol-muted">
        Lookups search the pack that comes with Ordinance Lens and any pack you import. An imported pack is a JSON file in the format <code>lens export</code> prints (check one first with <code>lens validate FILE.json</code>); its entries are
        marked with its title wherever they are shown, since Ordinance Lens has not checked them. Importing a newer version of a pack you imported replaces it.
      </p>
      <PackLists bundled={bundled} imported={imported} large={large.packs} hiddenOf={hiddenOf} onRemove={(p) => void remove(p)} />
      <div class="ol-row">
        <label class="ol-btn ol-btn--ghost" style={{ display: 'inline-flex', alignItems: 'center' }}>
          Import a pack (JSON)…
          <input type="file" accept="application/json,.json" class="ol-sr" disabled={busy} data-ol="import-pack" onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)} />
        </label>
      </div>
      {large.progress ? <ImportProgressBar p={large.progress} onCancel={large.cancel} /> : null}
      <StorageUseLine use={large.use} />
      {message ? <PackMessageBox message={message} /> : null}
    </section>
  );
}

type Save = (patch: Partial<Settings>, done?: string) => Promise<void>;

/** The card on or off, everywhere or on listed sites. */
function CardSection({ s, save }: { s: Settings; save: Save }) {
  const [sites, setSites] = useState(s.disabledSites.join('\n'));
  useEffect(() => setSites(s.disabledSites.join('\n')), [s.disabledSites.join('\n')]);
  const saveSites = () =>
    void save({
      disabledSites: sites
        .split(/[\n,]+/)
        .map((x) => x.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, ''))
        .filter(Boolean),
    });
  return (
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
          <button type="button" class="ol-btn" onClick={saveSites}>
            Save sites
          </button>
        </div>
      </div>
    </section>
  );
}

/** The citation styles, each shown on a real entry. */
function CitationSection({ s, save, sample }: { s: Settings; save: Save; sample: EntryView | null }) {
  return (
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
            {sample ? <span class="ol-muted">{formatCitation(c.id, { entry: sample.entry, asOf: sample.asOf, pinpoint: SAMPLE_PINPOINT })}</span> : null}
          </span>
        </label>
      ))}
    </section>
  );
}

/** History on or off, clear, export and import of settings and history. */
function HistorySection({ s, save, count, say, reload }: { s: Settings; save: Save; count: number; say: (status: string) => void; reload: () => Promise<void> }) {
  const importFile = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    if (!f) return;
    const r = await importUserData(await f.text());
    say(r.ok ? 'Imported.' : r.message);
    await reload();
  };
  return (
    <section class="ol-section" aria-labelledby="set-history">
      <h2 class="ol-section-title" id="set-history">
        Recent lookups ({count} stored on this computer only)
      </h2>
      <label class="ol-row">
        <input type="checkbox" checked={s.historyEnabled} onChange={(e) => void save({ historyEnabled: (e.currentTarget as HTMLInputElement).checked })} />
        Keep a list of recent lookups
      </label>
      <div class="ol-row">
        <button type="button" class="ol-btn ol-btn--ghost" data-ol="clear-history" onClick={() => void clearHistoryEverywhere().then((r) => (say(r.ok ? 'History cleared.' : r.message), reload()))}>
          Clear history
        </button>
        <button type="button" class="ol-btn ol-btn--ghost" onClick={() => void exportUserData().then((j) => download('ordinance-lens-backup.json', j, 'application/json'))}>
          Export settings and history (JSON)
        </button>
        <label class="ol-btn ol-btn--ghost" style={{ display: 'inline-flex', alignItems: 'center' }}>
          Import…
          <input type="file" accept="application/json,.json" class="ol-sr" onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
        </label>
      </div>
    </section>
  );
}

export function SettingsApp() {
  const [s, setS] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [count, setCount] = useState(0);
  const [sample, setSample] = useState<EntryView | null>(null);

  const load = async () => {
    setS(await readSettings());
    setCount((await readHistory()).length);
  };
  useEffect(() => {
    void load();
    void askBackground('entry', { id: SAMPLE_ID }).then(setSample, () => undefined); // no sample: the styles are still listed
  }, []);

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
        <RepairNotices />
        <p class="ol-sr" role="status" aria-live="polite">
          {status}
        </p>
        {status ? <p class="ol-muted" aria-hidden="true">{status}</p> : null}
        <CardSection s={s} save={save} />
        <AlwaysHereSettings />
        <CitationSection s={s} save={save} sample={sample} />
        <HistorySection s={s} save={save} count={count} say={setStatus} reload={load} />
        <PacksSection />
        <AboutSection />
      </main>
    </div>
  );
}
