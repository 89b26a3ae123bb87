/** lib/storage: the reader's settings and history, versioned, validated, never lost silently. */
export type { WriteResult } from './result';
export { DEFAULT_SETTINGS, readSettings, writeSettings, watchSettings, type CitationStyle, type Settings } from './settings';
export { readHistory, addHistory, clearHistory, MAX_HISTORY, MAX_HISTORY_QUERY_CHARS, type HistoryItem } from './history';
export { exportUserData, importUserData } from './backup';
export { onStorageRepaired, readRepairNotices, dismissRepairNotices, type RepairNotice } from './repair';
