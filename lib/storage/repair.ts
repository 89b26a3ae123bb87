/**
 * Storage repair reporting. When a stored value is found damaged, unreadable or vanished, the
 * reader's data is replaced by defaults (only that key), and the repair is:
 *  1. logged with console.warn,
 *  2. announced to listeners in this context (`onStorageRepaired`),
 *  3. kept in storage (`readRepairNotices`) so the options page can tell the reader even when
 *     the repair happened in another context (the background or a content script).
 * Notices are cleared by `dismissRepairNotices` once shown.
 */
import { browser } from 'wxt/browser';
import { KEYS, readRaw, type DataKey } from './area';

export type RepairReason = 'corrupted' | 'vanished' | 'unreadable' | 'newer-version' | 'invalid-fields' | 'full';

export interface RepairNotice {
  /** The stored key that was repaired (lib/storage/keys.ts). */
  key: DataKey;
  reason: RepairReason;
  /** What happened, in plain words, for the reader. */
  message: string;
  /** Epoch milliseconds. */
  at: number;
}

type Listener = (notice: RepairNotice) => void;
const listeners = new Set<Listener>();
const MAX_NOTICES = 20;

/** Calls `listener` for each repair made in this context. Returns an unsubscribe function. */
export function onStorageRepaired(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Repairs recorded in storage, oldest first. Never throws. */
export async function readRepairNotices(): Promise<RepairNotice[]> {
  const got = await readRaw(KEYS.repairs);
  if (got.kind !== 'value' || !Array.isArray(got.value)) return [];
  return got.value.filter(
    (n): n is RepairNotice =>
      !!n && typeof n === 'object' && typeof (n as RepairNotice).key === 'string' && typeof (n as RepairNotice).message === 'string' && typeof (n as RepairNotice).at === 'number',
  );
}

/** Forgets the recorded repairs (after the reader has seen them). */
export async function dismissRepairNotices(): Promise<void> {
  try {
    await browser.storage.local.remove(KEYS.repairs);
  } catch {
    /* nothing to do: the notice shows again next time */
  }
}

/** What the reader calls each stored value (imported packs have their own sentences). */
const DATA_NAMES: Record<Exclude<DataKey, typeof KEYS.userPacks>, string> = {
  [KEYS.settings]: 'Your settings',
  [KEYS.history]: 'Your lookup history',
  [KEYS.alwaysExplainSites]: 'The sites where pages are explained as they load',
};

function dataMessage(what: string, reason: RepairReason): string {
  if (reason === 'full') return `${what} could not be saved: the browser's storage for Ordinance Lens is full. Clearing your lookup history or removing imported packs frees space.`;
  return reason === 'invalid-fields'
    ? `${what} had damaged entries; those were reset and the rest kept.`
    : reason === 'vanished'
      ? `${what} disappeared from the browser's storage and were reset to defaults.`
      : reason === 'newer-version'
        ? `${what} were saved by a newer version of Ordinance Lens and could not be read; defaults are used.`
        : `${what} could not be read and were reset to defaults.`;
}

function packsMessage(reason: RepairReason): string {
  return reason === 'invalid-fields'
    ? "An imported pack is damaged in the browser's storage, so it is not used; it is kept as it was, and your other imported packs are used. The settings page lists it under Packs, Imported: remove it there, or import its file again."
    : reason === 'vanished'
      ? "Your imported packs disappeared from the browser's storage. Import them again from their files."
      : reason === 'newer-version'
        ? 'Your imported packs were saved by a newer version of Ordinance Lens; only the ones this version can read are used.'
        : reason === 'unreadable'
          ? "Your imported packs could not be read from the browser's storage; they are not used for now."
          : 'Your imported packs were damaged in the browser\'s storage and were removed. Import them again from their files.';
}

/** Records and announces a repair (`note`: a sentence added to the reader's message). Never throws. */
export async function reportRepair(key: DataKey, reason: RepairReason, detail: string, note?: string): Promise<RepairNotice> {
  const base = key === KEYS.userPacks ? packsMessage(reason) : dataMessage(DATA_NAMES[key], reason);
  const message = note ? `${base} ${note}` : base;
  const notice: RepairNotice = { key, reason, message, at: Date.now() };
  console.warn(`[Ordinance Lens] storage repaired: ${key} (${reason}): ${detail}`);
  try {
    const old = await readRepairNotices();
    await browser.storage.local.set({ [KEYS.repairs]: [...old, notice].slice(-MAX_NOTICES) });
  } catch {
    /* the warning and the event still carry it */
  }
  for (const l of Array.from(listeners)) {
    try {
      l(notice);
    } catch {
      /* a listener's bug must not break a read */
    }
  }
  return notice;
}
