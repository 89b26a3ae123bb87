/**
 * Export and import of the reader's data (settings and history) as one JSON document.
 *
 * Format (version 1):
 *   { "format": "ordinance-lens-backup", "formatVersion": 1, "exportedAt": "<ISO date>",
 *     "settingsVersion": <n>, "settings": {…}, "historyVersion": <n>, "history": [ … ] }
 *
 * Import validates the whole document with zod first (older settings/history versions are
 * migrated with the same tables as reads), then writes settings and history in ONE storage call:
 * it applies completely or not at all.
 */
import { z } from '../../core/schema/zod';
import { KEYS, writeAtomic } from './area';
import { HISTORY_VERSION, historyEnvelope, historyItemSchema, MAX_HISTORY, migrateHistory, readHistory, toHistoryItem, type HistoryItem } from './history';
import { fail, type WriteResult } from './result';
import { envelope, migrateSettings, readSettings, SETTINGS_VERSION, settingsSchema, type Settings } from './settings';

export const BACKUP_FORMAT = 'ordinance-lens-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Far above any real backup (200 history items); refuses to parse absurd input. */
export const MAX_BACKUP_CHARS = 5_000_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: string;
  settingsVersion: number;
  settings: Settings;
  historyVersion: number;
  history: HistoryItem[];
}

const backupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: z.string().optional(),
  settingsVersion: z.number().int().min(1).max(SETTINGS_VERSION),
  settings: z.unknown(),
  historyVersion: z.number().int().min(1).max(HISTORY_VERSION),
  history: z.array(z.unknown()),
});

/** The reader's settings and history as a JSON string. */
export async function exportUserData(): Promise<string> {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    settingsVersion: SETTINGS_VERSION,
    settings: await readSettings(),
    historyVersion: HISTORY_VERSION,
    history: await readHistory(),
  };
  return JSON.stringify(backup, null, 2);
}

/** Validates a backup and replaces settings and history with it, all or nothing. */
export async function importUserData(json: string): Promise<WriteResult> {
  if (typeof json !== 'string') return fail('Not imported: the file is not text.');
  if (json.length > MAX_BACKUP_CHARS) return fail('Not imported: the file is too large to be an Ordinance Lens backup.');
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return fail('Not imported: the file is not valid JSON.');
  }
  const header = backupHeader.safeParse(doc);
  if (!header.success) {
    const path = header.error.issues[0]?.path.join('.') ?? '';
    if (path === 'format' || path === '') return fail('Not imported: this is not an Ordinance Lens backup.');
    if (path === 'formatVersion' || path === 'settingsVersion' || path === 'historyVersion')
      return fail('Not imported: the backup was made by a newer version of Ordinance Lens (or is damaged).');
    return fail(`Not imported: the backup is damaged (${path}).`);
  }
  const b = header.data;
  let settings: Settings;
  try {
    const parsed = settingsSchema.safeParse(migrateSettings(b.settingsVersion, b.settings));
    if (!parsed.success) return fail(`Not imported: the settings in the backup are damaged (${parsed.error.issues[0]?.path.join('.') || 'settings'}).`);
    settings = parsed.data;
  } catch {
    return fail('Not imported: the settings in the backup are damaged.');
  }
  let history: HistoryItem[];
  try {
    const migrated = migrateHistory(b.historyVersion, b.history);
    const parsed = z.array(historyItemSchema).safeParse(migrated);
    if (!parsed.success) return fail(`Not imported: history item ${String(parsed.error.issues[0]?.path[0] ?? '?')} in the backup is damaged.`);
    history = parsed.data
      .map(toHistoryItem)
      .sort((x, y) => y.at - x.at)
      .slice(0, MAX_HISTORY);
  } catch {
    return fail('Not imported: the history in the backup is damaged.');
  }
  return writeAtomic({ [KEYS.settings]: envelope(settings), [KEYS.history]: historyEnvelope(history) });
}
