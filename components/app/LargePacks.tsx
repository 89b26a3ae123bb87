/**
 * The settings page's part for large packs (IndexedDB): the list with Remove, the import
 * progress bar, and how much browser storage the extension uses of what it may use (shown
 * before and after every import or removal, so freed space is visible).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { askBackground } from '../../lib/messages';
import { mb, type PackImportResult } from '../../lib/storage/user-packs';
import { listLargePacks, removeLargePack, type LargePackMeta } from '../../lib/storage/pack-db';
import { storageUse, type StorageUse } from '../../lib/storage/quota';
import { importLargePack, type ImportProgress, type LargeReserved } from '../../lib/large-pack-import';
import { importInWorker } from '../../lib/large-pack-client';

export interface LargePacksState {
  packs: LargePackMeta[];
  use: StorageUse | undefined;
  progress: ImportProgress | null;
  importFile(f: File, reserved: LargeReserved): Promise<PackImportResult>;
  /** Stops the import under way: nothing of it is stored. */
  cancel(): void;
  remove(id: string): Promise<{ ok: boolean; message: string }>;
}

const FAILED = 'Not imported: the browser refused to store the pack (its database is unavailable or full). Your packs are unchanged.';
const CANCELLED = 'Not imported: you cancelled the import, and nothing of it was stored. Your packs are unchanged.';

/**
 * After a cancel: the store may have committed just before it (the worker's "done" still on its
 * way); then the pack is there and the page says so, and the background is told.
 */
async function afterCancel(started: number): Promise<PackImportResult> {
  const late = (await listLargePacks().catch(() => [])).find((p) => p.importedAt >= started);
  if (!late) return { ok: false, message: CANCELLED };
  await askBackground('packsChanged', {}).catch(() => undefined);
  return { ok: false, message: `The import had already finished when you cancelled it: “${late.title}” version ${late.version} is stored. Remove it below if you do not want it.` };
}

export function useLargePacks(): LargePacksState {
  const [packs, setPacks] = useState<LargePackMeta[]>([]);
  const [use, setUse] = useState<StorageUse | undefined>(undefined);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  const refresh = async () => {
    setPacks(await listLargePacks().catch(() => []));
    setUse(await storageUse());
  };
  useEffect(() => void refresh(), []);
  return {
    packs,
    use,
    progress,
    cancel: () => running.current?.abort(),
    async importFile(f, reserved) {
      const ctl = (running.current = new AbortController());
      const started = Date.now();
      try {
        return await importLargePack(f, reserved, setProgress, ctl.signal, importInWorker);
      } catch (err) {
        if (ctl.signal.aborted) return await afterCancel(started);
        console.warn('[Ordinance Lens] large pack not stored:', err);
        return { ok: false, message: FAILED };
      } finally {
        running.current = null;
        setProgress(null);
        await refresh();
      }
    },
    async remove(id) {
      const title = packs.find((p) => p.id === id)?.title ?? id;
      try {
        await removeLargePack(id);
        await askBackground('packsChanged', {}).catch(() => undefined);
        return { ok: true, message: `Removed “${title}”.` };
      } catch {
        return { ok: false, message: `Not removed: the browser could not change its database just now. Try again.` };
      } finally {
        await refresh();
      }
    },
  };
}

/** The bar, what it is doing, and Cancel until the pack is stored (indexing comes after the store). */
export function ImportProgressBar({ p, onCancel }: { p: ImportProgress; onCancel?: () => void }) {
  return (
    <div data-ol="import-progress" data-stage={p.stage}>
      <div class="ol-row">
        <progress max={100} value={Math.round(p.fraction * 100)} aria-label="Import progress" style={{ flex: '1 1 0', minWidth: 0 }} />
        {onCancel && p.stage !== 'indexing' ? (
          <button type="button" class="ol-btn ol-btn--ghost" onClick={onCancel} aria-label="Cancel the import" data-ol="cancel-import">
            Cancel
          </button>
        ) : null}
      </div>
      <p role="status" class="ol-muted" style={{ margin: '4px 0 0' }}>
        {p.label}
      </p>
    </div>
  );
}

export function StorageUseLine({ use }: { use: StorageUse | undefined }) {
  if (!use) return null;
  return (
    <p class="ol-muted" data-ol="storage-use" data-usage={use.usage} data-quota={use.quota}>
      Browser storage used by Ordinance Lens for large packs: {mb(use.usage)} of the {mb(use.quota)} this browser allows it (no extra permission needed).
    </p>
  );
}

/** "21,163 entries · 54.00 MB file · stored in the browser's database" beside a large pack. */
export const largeNote = (p: LargePackMeta) => `${mb(p.bytes)} file, kept in the browser's database`;
