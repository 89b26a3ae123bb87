/**
 * Cancelling a large-pack import on the settings page: a labelled Cancel button beside the
 * progress bar stops it; the page says the import was cancelled and nothing was stored, the
 * file input is usable again, and the packs and the storage figure are as before.
 */
// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';

/** The whole unit suite runs in parallel on two cores: the page may take more than waitFor's 1 s default to render. */
const PATIENCE = { timeout: 10_000 };
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { LargePackMeta } from '../../lib/storage/pack-db';

const stored: LargePackMeta[] = [{ id: 'kept', title: 'A kept code', jurisdiction: 'Somewhere', version: '1', asOf: '2026-01-01', entries: 3, bytes: 5_000_000, importedAt: 1 }];
const seen: { signal?: AbortSignal }[] = [];

vi.mock('../../lib/storage/pack-db', async (orig) => ({ ...(await orig<object>()), listLargePacks: () => Promise.resolve([...stored]) }));
vi.mock('../../lib/storage/quota', () => ({ storageUse: () => Promise.resolve({ usage: 6_000_000, quota: 100_000_000 }) }));
// The import, reduced to: under way (storing) until its signal cancels it.
vi.mock('../../lib/large-pack-import', async (orig) => ({
  ...(await orig<object>()),
  importLargePack: (_f: unknown, _r: unknown, onProgress: (p: unknown) => void, signal?: AbortSignal) => {
    seen.push({ signal });
    onProgress({ stage: 'storing', fraction: 0.4, label: 'Storing entries: 400 of 21,163' });
    return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new DOMException('the import was cancelled', 'AbortError'))));
  },
}));

// Files share one module graph (vitest.config.ts `isolate: false`): without a reset, a settings
// page another file imported first would come back with the real storage modules.
vi.resetModules();
const { SettingsApp } = await import('../../components/app/SettingsApp');

beforeEach(() => {
  fakeBrowser.reset();
  seen.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  fakeBrowser.runtime.onMessage.addListener(((msg: { type: string }) => {
    if (msg.type === 'packs') return Promise.resolve({ ok: true, value: { packs: [{ id: 'bundled', title: 'Bundled' }], bundledEntryIds: [] } });
    return Promise.resolve({ ok: true, value: null });
  }) as never);
  return () => vi.restoreAllMocks();
});

function pick(input: HTMLInputElement) {
  const big = new File(['x'.repeat(5 * 1024 * 1024)], 'big.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [big], configurable: true });
  fireEvent.change(input);
}

describe('cancelling a large-pack import', () => {
  it('Cancel stops the import; the page says nothing was stored and the input works again', async () => {
    const { container } = render(<SettingsApp />);
    await waitFor(() => expect(container.querySelector('[data-ol="storage-use"]')).not.toBeNull(), PATIENCE);
    await waitFor(() => expect(container.querySelector('[data-pack-id="kept"]')).not.toBeNull(), PATIENCE);
    const input = container.querySelector<HTMLInputElement>('[data-ol="import-pack"]')!;
    const ids = () => [...container.querySelectorAll('[data-pack-id]')].map((e) => e.getAttribute('data-pack-id'));
    const listBefore = ids();
    const useBefore = container.querySelector('[data-ol="storage-use"]')!.textContent;
    pick(input);
    const cancel = await screen.findByRole('button', { name: 'Cancel the import' }, PATIENCE);
    expect(cancel.tagName).toBe('BUTTON');
    expect(cancel.textContent).toBe('Cancel');
    expect(input.disabled).toBe(true);
    expect(seen[0]?.signal?.aborted).toBe(false);
    fireEvent.click(cancel);
    await waitFor(() => expect(container.querySelector('[data-ol="pack-message"]')?.textContent).toBe('Not imported: you cancelled the import, and nothing of it was stored. Your packs are unchanged.'), PATIENCE);
    expect(seen[0]?.signal?.aborted).toBe(true);
    expect(container.querySelector('[data-ol="import-progress"]')).toBeNull();
    await waitFor(() => expect(input.disabled).toBe(false), PATIENCE);
    expect(input.value).toBe('');
    expect(ids()).toEqual(listBefore);
    expect(listBefore).toContain('kept');
    expect(container.querySelector('[data-ol="storage-use"]')!.textContent).toBe(useBefore);
  });

  it('no Cancel once the pack is stored (the search index is being built)', async () => {
    const { ImportProgressBar } = await import('../../components/app/LargePacks');
    render(<ImportProgressBar p={{ stage: 'indexing', fraction: 0.75, label: 'Building the search index…' }} onCancel={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
