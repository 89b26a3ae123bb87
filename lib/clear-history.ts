/**
 * "Clear history" from a page: asked of the background, where lookups are recorded, so the clear
 * and a lookup recorded at the same moment are written one after the other (a page writing
 * directly raced the worker: the lookup wrote back the list it had read, 3 times in 30 tries).
 * Falls back to clearing here if the background does not answer.
 */
import { askBackground } from './messages';
import type { WriteResult } from './storage/result';

export async function clearHistoryEverywhere(): Promise<WriteResult> {
  const r = await askBackground('clearHistory', {}).catch(() => null);
  if (!r) return (await import('./storage/history')).clearHistory(); // storage loads lazily in the popup
  return r.ok ? { ok: true } : { ok: false, message: r.message ?? 'Not cleared.' };
}
