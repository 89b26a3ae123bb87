/**
 * Settings → About shows the extension's version and the bundled pack's "current as of" date as
 * the background reports them from the bundled pack (here: the real pack compiled from content/,
 * served through the real lookup service), so a new pack date shows without touching the page.
 */
// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatLongDate } from '../../core/format/citation';
import { AboutSection } from '../../components/app/AboutSection';
import { SettingsApp } from '../../components/app/SettingsApp';
import { createLookupService } from '../../lib/lookup-service';
import { loadBundledPacks } from '../../scripts/lib/bundled-packs';

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const bundled = loadBundledPacks();
const service = createLookupService(bundled);

/** Stands in for the background: answers each message type with a successful reply (lib/reply.ts). */
function background(answer: (type: string) => unknown) {
  fakeBrowser.runtime.onMessage.addListener(((msg: { type: string }) => Promise.resolve({ ok: true, value: answer(msg.type) })) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  // WXT's fake browser has no manifest: stand in for the one the build writes from package.json.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Ordinance Lens', version: pkg.version });
  return () => vi.restoreAllMocks();
});

describe('About', () => {
  it("shows package.json's version and each bundled pack's version and as-of date, read from the pack", async () => {
    background((type) => (type === 'packs' ? { packs: service.packs(), bundledEntryIds: service.bundledEntryIds() } : null));
    render(<AboutSection />);
    const about = await screen.findByRole('region', { name: 'About' });
    expect(within(about).getByText(`Ordinance Lens version ${pkg.version}`)).toBeTruthy();
    await waitFor(() => expect(about.querySelectorAll('[data-ol="about-pack"]').length).toBe(bundled.length));
    for (const pack of bundled) {
      const line = about.querySelector(`[data-pack-id="${pack.id}"]`)!;
      expect(line.textContent).toContain(pack.title);
      expect(line.textContent).toContain(`version ${pack.version}`);
      // The date of content/<pack>/pack.yaml, in the card's long form ("December 1, 2026").
      expect(line.querySelector('[data-ol="about-as-of"]')!.textContent).toBe(`current as of ${formatLongDate(pack.asOf)}`);
    }
  });

  it('follows whatever date the bundled pack carries, and lists only bundled packs, not imported ones', async () => {
    const packs = [
      { id: 'later', title: 'A later pack', version: '2.0.0', asOf: '2031-07-04', entries: 3, imported: false, hidden: 0 },
      { id: 'snow', title: 'Snow emergency rules', version: '1.0.0', asOf: '2026-01-15', entries: 1, imported: true, hidden: 0 },
    ];
    background((type) => (type === 'packs' ? { packs, bundledEntryIds: [] } : null));
    render(<AboutSection />);
    const about = await screen.findByRole('region', { name: 'About' });
    await waitFor(() => expect(about.querySelectorAll('[data-ol="about-pack"]').length).toBe(1));
    expect(about.querySelector('[data-ol="about-as-of"]')!.textContent).toBe('current as of July 4, 2031');
    expect(about.textContent).not.toContain('Snow emergency rules');
  });

  it('says plainly when the date cannot be read, and shows the version anyway', async () => {
    background(() => null); // a background that does not answer
    render(<AboutSection />);
    expect(await screen.findByText(/could not be read\. Reload this page/)).toBeTruthy();
    expect(screen.getByText(`Ordinance Lens version ${pkg.version}`)).toBeTruthy();
  });

  it('is on the settings page', async () => {
    background((type) => (type === 'packs' ? { packs: service.packs(), bundledEntryIds: service.bundledEntryIds() } : null));
    render(<SettingsApp />);
    const about = await screen.findByRole('region', { name: 'About' });
    await waitFor(() => expect(within(about).getAllByText(/current as of/).length).toBe(bundled.length));
  });
});
