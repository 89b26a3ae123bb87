/**
 * The settings page's part for large packs (IndexedDB): the list with Remove, the import
 * progress bar, and how much browser storage the extension uses of what it may use (shown
 * before and after every import or removal, so freed space is visible).
 */
import { useEffect, useState } from 'preact/hooks';
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
  remove(id: string): Promise<{ ok: boolean; message: string }>;
}

const FAILED = 'Not imported: the browser refused to store the pack (its database is unavailable or full). Your packs are unchanged.';

export function useLargePacks(): LargePacksState {
  const [packs, setPacks] = useState<LargePackMeta[]>([]);
  const [use, setUse] = useState<StorageUse | undefined>(undefined);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const refresh = async () => {
    setPacks(await listLargePacks().catch(() => []));
    setUse(await storageUse());
  };
  useEffect(() => void refresh(), []);
  return {
    packs,
    use,
    progress,
    async importFile(f, reserved) {
      try {
        return await importLargePack(f, reserved, setProgress, undefined, importInWorker);
      } catch (err) {
        console.warn('[Ordinance Lens] large pack not stored:', err);
        return { ok: false, message: FAILED };
      } finally {
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

export function ImportProgressBar({ p }: { p: ImportProgress }) {
  return (
    <div role="status" data-ol="import-progress" data-stage={p.stage}>
      <progress max={100} value={Math.round(p.fraction * 100)} aria-label="Import progress" style={{ width: '100%' }} />
      <p class="ol-muted" style={{ margin: '4px 0 0' }}>
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
