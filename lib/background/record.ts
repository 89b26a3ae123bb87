import { addHistory, capText } from '../storage/history';
import type { LookupView } from '../messages';

/** Characters of a query kept in history. */
const HISTORY_QUERY_CHARS = 500;

/** Adds a lookup to the history, with the top answer of the lookup already made for it. */
export async function recordLookup(text: string, view: LookupView): Promise<void> {
  const q = text.trim();
  if (!q) return;
  const top = view.result.results[0];
  await addHistory({ query: capText(q, HISTORY_QUERY_CHARS), at: Date.now(), ...(top ? { topId: top.id, topTitle: top.title } : {}) });
}
