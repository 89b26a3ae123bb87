/**
 * When a shard of the stored index cannot be read, the packs are read whole: until that is done
 * the service still holds the half-read index, so a lookup asked meanwhile must wait for the
 * whole read, not answer from the half (review: it answered "nothing" for a D.C. sentence).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/storage/pack-db', async (orig) => ({ ...(await orig<object>()), readIndexShards: () => Promise.reject(new Error('shard record missing')) }));
// Files share one module graph (vitest.config.ts `isolate: false`): take the mocked database.
vi.resetModules();
const { lookupFilled, readAllShards, setPartialIndex } = await import('../../lib/index-shard-reads');
type Gaps = Parameters<typeof setPartialIndex>[0] extends infer P ? (P extends { gaps: infer G } ? G : never) : never;

/** Gaps of an index with one shard (0) never read. */
const gaps = { complete: false, predict: () => [0], notIn: () => [0], takeWanted: () => [], fill: () => undefined } as unknown as Gaps;

describe('a shard that cannot be read', () => {
  it('lookups and the whole-index handlers wait until the packs are read whole', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let whole = false;
    // As lib/large-packs.ts readWhole: it drops the partial index at once, then reads for a while.
    const readWhole = () => {
      setPartialIndex(undefined);
      return new Promise<void>((done) => setTimeout(() => ((whole = true), done()), 50));
    };
    setPartialIndex({ key: 'k', gaps, whole: readWhole });
    const service = { lookup: () => ({ answeredFromWhole: whole }) } as unknown as Parameters<typeof lookupFilled>[0];
    const opts = { citationStyle: 'short' as const };
    const first = lookupFilled(service, 'a sentence', opts);
    await new Promise((r) => setTimeout(r, 5)); // the shard read has failed; the whole read is under way
    const second = lookupFilled(service, 'another sentence', opts);
    let readyAt: boolean | undefined;
    const ready = readAllShards().then(() => (readyAt = whole));
    expect(await first).toEqual({ answeredFromWhole: true });
    expect(await second).toEqual({ answeredFromWhole: true });
    await ready;
    expect(readyAt).toBe(true);
    vi.restoreAllMocks();
  });
});
