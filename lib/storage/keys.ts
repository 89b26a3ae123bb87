/**
 * Every key the extension stores, in one place (no imports: pages that load storage code lazily
 * can still name a key without loading it).
 */

/** Keys we own in storage.local. Nothing else is written by lib/storage. */
export const KEYS = {
  settings: 'settings',
  history: 'history',
  /** Packs the reader imported (lib/storage/user-packs.ts). */
  userPacks: 'userPacks',
  /** Sites where pages are explained as they load, written only once the reader turns one on (lib/scan/always-here-store.ts). */
  alwaysExplainSites: 'alwaysExplainSites',
  /** Which of our keys have been written at least once: a listed key that is missing has vanished. */
  meta: 'storageMeta',
  /** The last few repairs, so a page that did not witness one can still tell the reader. */
  repairs: 'storageRepairs',
  /** Per list, which damaged items kept in storage were reported already (lib/storage/versioned.ts). */
  damageReported: 'storageDamageReported',
} as const;

/** Keys in storage.session (memory only, cleared with the browser): one list, so no two modules pick the same name. */
export const SESSION_KEYS = {
  /** The lookup handed to the side panel when no card could be shown (lib/background/panel.ts). */
  pendingLookup: 'pendingLookup',
  /** The imported packs' index, cached across worker restarts (lib/storage/index-cache.ts). */
  indexCache: 'indexCache',
  /** The last "Explain this page" report (lib/scan/background.ts). */
  pageScanReport: 'pageScanReport',
} as const;
