/**
 * The dedicated worker the settings page starts to import a large pack (lib/large-pack-client.ts):
 * reads the file, parses, validates and stores it, then builds and stores the search index
 * (`checkAndStore`, lib/large-pack-import.ts) off the page's thread, posting the progress and the
 * outcome back; or, asked by Firefox's background (`reindex`), builds and stores the index of the
 * packs as stored (lib/background/pack-loader.ts). A thin adapter: no logic here.
 */
import { checkAndStore, type CheckInput } from './large-pack-import';
import { buildIndexAfterStore, buildIndexNow, type IndexInput } from './large-pack-index';
import type { ToPage } from './large-pack-client';

const post = (m: ToPage) => (self as unknown as { postMessage(m: ToPage): void }).postMessage(m);

self.addEventListener('message', (e: MessageEvent<{ file: File; input: CheckInput } | { reindex: IndexInput }>) => {
  if ('reindex' in e.data) return void buildIndexNow(e.data.reindex).then((ok) => post({ type: 'indexed', ok }));
  checkAndStore(e.data.file, e.data.input, (p) => post({ type: 'progress', p }), undefined, buildIndexAfterStore).then(
    (outcome) => post({ type: 'done', outcome }),
    (err: unknown) => post({ type: 'failed', name: (err as Error)?.name ?? 'Error', message: String((err as Error)?.message ?? err) }),
  );
});
