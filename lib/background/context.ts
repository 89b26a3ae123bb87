/** What the background's modules share: one of each per worker life. */
import type { LookupService } from '../lookup-service';
import type { InjectedFrames } from '../sender-check';
import type { PackLoader } from './pack-loader';
import type { PendingLookups } from './panel';
import type { SettingsCache } from './settings-cache';

export interface BackgroundContext {
  service: LookupService;
  settings: SettingsCache;
  packs: PackLoader;
  pending: PendingLookups;
  /** Frames the card script was injected into lately: only their card may record history. */
  injectedFrames: InjectedFrames;
}
