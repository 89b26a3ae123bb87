/**
 * The page's side of the import worker (lib/large-pack-worker.ts): hands it the file and the ids
 * other packs hold, relays its progress, and gives back its outcome. Where the worker cannot be
 * started (no Worker, refused by the browser, its script not loaded), the same check and store
 * run on the page, as before (the page is then unresponsive while it validates).
 */
// Vite bundles the worker's script as its own file in the extension (no remote code) and gives its URL.
import workerUrl from './large-pack-worker?worker&url';
import { checkAndStore, type CheckOutcome, type ImportProgress, type Runner } from './large-pack-import';
import type { IndexInput } from './large-pack-index';

export type ToPage = { type: 'progress'; p: ImportProgress } | { type: 'done'; outcome: CheckOutcome } | { type: 'failed'; name: string; message: string } | { type: 'indexed'; ok: boolean };

function startWorker(): Worker | undefined {
  try {
    return new Worker(workerUrl, { type: 'module', name: 'large-pack-import' });
  } catch (err) {
    console.warn('[Ordinance Lens] import worker not started, checking on the page:', err);
    return undefined;
  }
}

export const importInWorker: Runner = (file, input, onProgress, signal) => {
  if (signal?.aborted) return Promise.reject(new DOMException('the import was cancelled', 'AbortError'));
  const worker = typeof Worker === 'function' ? startWorker() : undefined;
  if (!worker) return checkAndStore(file, input, onProgress, signal);
  return new Promise<CheckOutcome>((resolve, reject) => {
    let heard = false;
    const end = () => {
      worker.terminate(); // an unfinished store's transaction aborts with it: nothing is written
      signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      end();
      reject(new DOMException('the import was cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (e: MessageEvent<ToPage>) => {
      heard = true;
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.p);
      end();
      if (m.type === 'done') resolve(m.outcome);
      else if (m.type === 'failed') reject(Object.assign(new Error(m.message), { name: m.name }));
      else reject(new Error('the import worker answered out of turn'));
    };
    worker.onerror = (e) => {
      end();
      // Not even started (its script refused or not found): the page does the work itself.
      if (!heard) {
        console.warn('[Ordinance Lens] import worker did not start, checking on the page:', e.message);
        checkAndStore(file, input, onProgress, signal).then(resolve, reject);
      } else reject(new Error(`the import worker failed: ${e.message}`));
    };
    worker.postMessage({ file, input });
  });
};

/**
 * Builds and stores the search index of the packs as stored, in the import worker (Firefox's
 * background page: its own thread is the settings page's). Resolves false where no worker starts
 * (Chromium's service worker has none: it is its own thread already) or the build failed; the
 * caller then builds it itself.
 */
export function reindexInWorker(input: IndexInput): Promise<boolean> {
  const worker = typeof Worker === 'function' ? startWorker() : undefined;
  if (!worker) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const end = (ok: boolean) => {
      worker.terminate();
      resolve(ok);
    };
    worker.onmessage = (e: MessageEvent<ToPage>) => {
      if (e.data.type === 'indexed') end(e.data.ok);
    };
    worker.onerror = () => end(false);
    worker.postMessage({ reindex: input });
  });
}
