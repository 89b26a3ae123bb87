/**
 * Storage repairs reach the reader: a repair made anywhere (here: settings found damaged by the
 * background) is shown in the popup and on the options page, stays there on every opening until
 * the reader dismisses it, and is gone everywhere once dismissed.
 */
// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SearchApp } from '../../components/app/SearchApp';
import { SettingsApp } from '../../components/app/SettingsApp';
import { readSettings } from '../../lib/storage/settings';
import { readRepairNotices } from '../../lib/storage/repair';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // The background, reduced to what these pages ask on opening.
  fakeBrowser.runtime.onMessage.addListener(((msg: { type: string }) => {
    if (msg.type === 'packs') return Promise.resolve({ ok: true, value: { packs: [], bundledEntryIds: [] } });
    return Promise.resolve({ ok: true, value: null });
  }) as never);
  return () => vi.restoreAllMocks();
});

async function damageSettings() {
  await fakeBrowser.storage.local.set({ settings: { v: 2, data: { cardEnabled: true, disabledSites: [], citationStyle: 'short', historyEnabled: 'off' } } });
  await readSettings(); // as the background would, on its next lookup
  expect((await readRepairNotices()).length).toBeGreaterThan(0); // (an open page may have read the damage too)
}

const surfaces = [
  ['popup', () => <SearchApp surface="popup" />],
  ['options page', () => <SettingsApp />],
] as const;

describe('storage repair notices', () => {
  it.each(surfaces)('the %s shows the repair, and shows it again on the next opening', async (_name, App) => {
    await damageSettings();
    const first = render(<App />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Your settings had damaged entries.*history is off until you turn it back on/));
    first.unmount();
    render(<App />);
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
  });

  it.each(surfaces)('the %s: Dismiss removes it there and everywhere', async (_name, App) => {
    await damageSettings();
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(async () => expect(await readRepairNotices()).toEqual([]));
  });

  it('a page that is open when a repair happens elsewhere shows it', async () => {
    render(<SearchApp surface="popup" />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('alert')).toBeNull();
    await damageSettings();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Your settings/));
  });

  it('nothing is shown when nothing was repaired', async () => {
    render(<SettingsApp />);
    await screen.findByText('Ordinance Lens settings');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
