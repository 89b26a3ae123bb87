/**
 * Settings → About: which build this is and how current its law is. The version is the
 * manifest's (set from package.json at build time); the pack's version and "current as of" date
 * are asked from the background, which holds the bundled pack, so they can never drift from the
 * data actually searched (no date is written here).
 */
import { useEffect, useState } from 'preact/hooks';
import { extensionVersion } from '../../lib/extension-pages';
import { formatLongDate } from '../../core/format/citation';
import { askBackground, type PackInfo } from '../../lib/messages';

export function AboutView({ version, packs }: { version: string | undefined; packs: PackInfo[] | null | 'failed' }) {
  return (
    <section class="ol-section" aria-labelledby="set-about" data-ol="about">
      <h2 class="ol-section-title" id="set-about">
        About
      </h2>
      <p data-ol="about-version">Ordinance Lens {version ? `version ${version}` : '(version unknown)'}</p>
      {packs === null ? <p class="ol-muted">Loading the bundled pack…</p> : null}
      {packs === 'failed' ? <p class="ol-muted">The bundled pack's date could not be read. Reload this page to try again.</p> : null}
      {Array.isArray(packs)
        ? packs.map((p) => (
            <p key={p.id} data-ol="about-pack" data-pack-id={p.id}>
              Bundled pack: <strong>{p.title}</strong>, version {p.version}, <span data-ol="about-as-of">current as of {formatLongDate(p.asOf)}</span>. Later changes to the law are not in it.
            </p>
          ))
        : null}
      <p class="ol-muted">
        Works offline: nothing you read or look up leaves this computer, and no data about you is collected. Your settings and history stay in this browser.
      </p>
    </section>
  );
}

/** The About section, with its version and bundled-pack dates loaded. */
export function AboutSection() {
  const [packs, setPacks] = useState<PackInfo[] | null | 'failed'>(null);
  useEffect(() => {
    askBackground('packs', {}).then(
      (r) => setPacks(r ? r.packs.filter((p) => !p.imported) : 'failed'),
      () => setPacks('failed'),
    );
  }, []);
  return <AboutView version={extensionVersion()} packs={packs} />;
}
