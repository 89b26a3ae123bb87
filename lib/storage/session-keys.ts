/** Keys in storage.session (memory only, cleared with the browser): one list, so no two modules pick the same name. */
export const SESSION_KEYS = {
  /** The lookup handed to the side panel when no card could be shown (lib/background/panel.ts). */
  pendingLookup: 'pendingLookup',
  /** The imported packs' index, cached across worker restarts (lib/storage/index-cache.ts). */
  indexCache: 'indexCache',
  /** The last "Explain this page" report (lib/scan/background.ts). */
  pageScanReport: 'pageScanReport',
} as const;
