/**
 * The reader's settings, cached in the worker so the gesture-sensitive path (the side panel
 * must open before anything is awaited) can decide without awaiting. Re-read on every change.
 */
import { browser } from 'wxt/browser';
import { readSettings, type Settings } from '../storage/settings';
import { KEYS } from '../storage/area';

export interface SettingsCache {
  /** The settings if read already (undefined only in the first moments of a worker). */
  now(): Settings | undefined;
  /** The settings, once read. */
  ready(): Promise<Settings>;
}

export function createSettingsCache(): SettingsCache {
  let settings: Settings | undefined;
  const first = readSettings().then((s) => (settings = s));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEYS.settings in changes) void readSettings().then((s) => (settings = s));
  });
  return {
    now: () => settings,
    ready: async () => settings ?? (await first),
  };
}
