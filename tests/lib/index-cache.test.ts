/**
 * The imported packs' index survives a service-worker restart through storage.session: the
 * background caches it after a build, and a restarted worker (a new service over the same
 * storage) loads it instead of building, answering the same. A re-import or a damaged cache is
 * never used. WXT's fake browser stands in for the browser's storage.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PackSchema } from '../../core/schema/pack';
import { setupBackground } from '../../lib/background';
import { createLookupService, type LookupService } from '../../lib/lookup-service';
import { importUserPack } from '../../lib/storage/user-packs';
import { loadBundledPacks } from '../../scripts/lib/bundled-packs';
import { serializeBundledIndex } from '../../scripts/lib/vite-packs-plugin';
import { userPack } from './storage/pack-fixture';
import { replyValue } from '../support/reply';

const bundled = loadBundledPacks();
const prebuilt = serializeBundledIndex(bundled);
const RESERVED = { packIds: new Set(bundled.map((p) => p.id)), entryIds: new Set(bundled.flatMap((p) => p.entries.map((e) => e.id))) };
const opts = { citationStyle: 'short' as const };
type Listener = (msg: unknown, sender: unknown, respond: (r: unknown) => void) => boolean | undefined;

/** Starts a background over `service` as a fresh worker would, and returns its message listener. */
function startWorker(service: LookupService): Listener {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  setupBackground(service);
  const listener = add.mock.calls.at(-1)![0] as unknown as Listener;
  add.mockRestore();
  return listener;
}

const ask = (listener: Listener, msg: unknown) =>
  new Promise<unknown>((resolve) => {
    // As the popup sends it: our id, an extension page's URL (lib/sender-check.ts).
    if (!listener(msg, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }, resolve)) resolve(undefined);
  }).then(replyValue);

/** The cached index's key, once there is one other than `not` (waits up to 1 s). */
async function cachedKey(not?: string): Promise<string | undefined> {
  for (let i = 0; i < 100; i++) {
    const got = (await fakeBrowser.storage.session.get('indexCache')) as { indexCache?: { key: string } };
    if (got.indexCache && got.indexCache.key !== not) return got.indexCache.key;
    await new Promise((r) => setTimeout(r, 10));
  }
  return undefined;
}

const ids = (view: unknown) => (view as { result: { results: { id: string }[] } }).result.results.map((h) => h.id);

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser lacks these; the background only registers listeners on them.
  const noop = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  const fb = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fb.contextMenus = { ...(fb.contextMenus ?? {}), onClicked: noop, create: () => 1, removeAll: async () => undefined };
  fb.commands = { onCommand: noop };
});

describe('index cache for imported packs', () => {
  it('a restarted worker loads the cached index and answers as the first did', async () => {
    expect((await importUserPack(JSON.stringify(userPack()), RESERVED)).ok).toBe(true);
    const first = createLookupService(bundled, prebuilt);
    const w1 = startWorker(first);
    const before = ids(await ask(w1, { type: 'lookup', text: 'snowplow parking ban', source: 'popup' }));
    expect(before[0]).toBe('snow-1');
    expect(first.indexSource()).toBe('built');
    expect(await cachedKey()).toMatch(/imported snow@1\.0\.0@\d+/);

    const second = createLookupService(bundled, prebuilt);
    const w2 = startWorker(second);
    expect(ids(await ask(w2, { type: 'lookup', text: 'snowplow parking ban', source: 'popup' }))).toEqual(before);
    expect(second.indexSource()).toBe('cache');
    expect(ids(await ask(w2, { type: 'lookup', text: '§ 19.30', source: 'popup' }))[0]).toBe('mpls-19.30');
  });

  it('a re-imported pack is not answered from the old cache', async () => {
    expect((await importUserPack(JSON.stringify(userPack()), RESERVED)).ok).toBe(true);
    const w1 = startWorker(createLookupService(bundled, prebuilt));
    await ask(w1, { type: 'lookup', text: 'snow', source: 'popup' });
    const oldKey = await cachedKey();
    await new Promise((r) => setTimeout(r, 5)); // a later import time
    expect((await importUserPack(JSON.stringify(userPack({ version: '1.1.0', entryIds: ['snow-2'] })), RESERVED)).ok).toBe(true);
    const next = createLookupService(bundled, prebuilt);
    const w2 = startWorker(next);
    expect(ids(await ask(w2, { type: 'lookup', text: 'snowplow parking ban', source: 'popup' }))[0]).toBe('snow-2');
    expect(next.indexSource()).toBe('built');
    const newKey = await cachedKey(oldKey);
    expect(newKey).toMatch(/imported snow@1\.1\.0@\d+/);
  });

  it('a damaged cached index is not used: the index is built and answers', async () => {
    const pack = PackSchema.parse(userPack());
    const service = createLookupService(bundled, prebuilt);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    service.setUserPacks([pack], '{"format":"ordinance-lens-index","version":1,"entries":3}');
    expect(ids(service.lookup('snowplow parking ban', opts))[0]).toBe('snow-1');
    expect(service.indexSource()).toBe('built');
    warn.mockRestore();
  });

  it('with no imported pack, the bundled index prebuilt at build time serves and nothing is cached', async () => {
    const service = createLookupService(bundled, prebuilt);
    const w = startWorker(service);
    expect(ids(await ask(w, { type: 'lookup', text: '§ 19.30', source: 'popup' }))[0]).toBe('mpls-19.30');
    expect(service.indexSource()).toBe('prebuilt');
    expect(((await fakeBrowser.storage.session.get('indexCache')) as Record<string, unknown>).indexCache).toBeUndefined();
  });
});
