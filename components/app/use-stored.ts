/**
 * The reader's citation style and recent lookups, read from storage after the first render and
 * again when they change. Storage (and its validator) is a separate chunk, loaded in a task after
 * the first render and off the path of the first lookup (which the background answers): the
 * popup must be instant.
 */
import { useEffect, useState } from 'preact/hooks';
import { watchStorage } from '../../lib/extension-pages';
import type { HistoryItem } from '../../lib/storage/history';
import type { CitationStyle } from '../../lib/storage/settings';

export const storage = () => import('../../lib/storage/index');

export interface Stored {
  style: CitationStyle;
  history: HistoryItem[];
  reloadHistory: () => Promise<void>;
}

export function useStored(): Stored {
  const [style, setStyle] = useState<CitationStyle>('short');
  const [history, setHistory] = useState<HistoryItem[]>([]);
  useEffect(() => {
    const load = () =>
      storage().then(async (m) => {
        setStyle((await m.readSettings()).citationStyle);
        setHistory(await m.readHistory());
      });
    setTimeout(() => void load(), 0);
    return watchStorage('local', ['history', 'settings'], () => void load());
  }, []);
  const reloadHistory = () => storage().then(async (m) => setHistory(await m.readHistory()));
  return { style, history, reloadHistory };
}
