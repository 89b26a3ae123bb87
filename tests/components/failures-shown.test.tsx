/**
 * Failures the reader can see: a search the background could not answer says it failed (never
 * "nothing in this pack covers this"), and a damaged imported pack, kept in storage and not
 * used, is listed on the settings page until the reader removes it.
 */
// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SearchApp } from '../../components/app/SearchApp';
import { DamagedPacks } from '../../components/app/DamagedPacks';
import { userPack } from '../lib/storage/pack-fixture';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return () => vi.restoreAllMocks();
});

describe('the popup, when the background fails', () => {
  it('says the search failed instead of "nothing covers this"', async () => {
    fakeBrowser.runtime.onMessage.addListener(((msg: { type: string }) =>
      Promise.resolve(msg.type === 'lookup' ? { ok: false, error: 'lookup failed: Error: ranking bug' } : { ok: true, value: null })) as never);
    const { container } = render(<SearchApp surface="popup" initialQuery="ICE hold" />);
    await waitFor(() => expect(container.querySelector('[data-ol="degraded"]')?.textContent).toMatch(/This search failed inside Ordinance Lens/));
    expect(container.querySelector('[data-ol="nothing"]')).toBeNull();
  });
});

describe('a damaged imported pack on the settings page', () => {
  it('is named as kept and not used, and goes only when the reader removes it', async () => {
    const valid = { pack: userPack({ id: 'keep', entryIds: ['keep-1'] }), importedAt: 1 };
    const damaged = { pack: { id: 'broken', title: 'Broken pack', entries: 'x' }, importedAt: 2 };
    await fakeBrowser.storage.local.set({ userPacks: { v: 1, data: [valid, damaged] } });
    const { container } = render(<DamagedPacks />);
    const notice = await waitFor(() => {
      const el = container.querySelector('[data-ol="damaged-packs"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(notice.textContent).toMatch(/One imported pack is damaged in the browser's storage and not used: “Broken pack”\. It is kept as it was/);
    fireEvent.click(screen.getByText('Remove the damaged pack'));
    fireEvent.click(screen.getByText('Remove'));
    await waitFor(() => expect(screen.getByText('Removed 1 damaged pack.')).toBeTruthy());
    expect(container.querySelector('[data-ol="damaged-packs"]')).toBeNull();
    const stored = (await fakeBrowser.storage.local.get('userPacks')).userPacks as { data: { pack: { id: string } }[] };
    expect(stored.data.map((s) => s.pack.id)).toEqual(['keep']);
  });
});
