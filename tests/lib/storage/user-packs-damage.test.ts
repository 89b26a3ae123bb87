/**
 * Imported packs against the probe's storage faults: a malformed 35,000-entry pack is refused
 * with its problems (it used to throw "Maximum call stack size exceeded" inside zod and lock the
 * import page); a damaged pack already stored never makes the valid ones read as empty, and the
 * next import or removal neither deletes the valid packs nor silently erases the damaged one; an
 * unreadable store is never written over.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importUserPack, readDamagedPacks, readUserPacks, removeDamagedPacks, removeUserPack, type Reserved } from '../../../lib/storage/user-packs';
import { validatePackText } from '../../../core/schema/validate';
import { userPack } from './pack-fixture';
import { freshStorage } from './fresh-storage';

const RESERVED: Reserved = { packIds: new Set(['minneapolis']), entryIds: new Set(['mpls-19.30']) };
const repairs = freshStorage();

/** A pack of `n` entries, every one malformed in three ways. */
function malformed(n: number) {
  const p = userPack({ id: 'huge' }) as Record<string, unknown>;
  p.entries = Array.from({ length: n }, (_, i) => ({ id: `Bad Id ${i}`, title: 5, kind: 'nope' }));
  return p;
}
const storedData = async () => ((await fakeBrowser.storage.local.get('userPacks')).userPacks as { data: unknown[] }).data;

describe('a malformed 35,000-entry pack', () => {
  it('is refused with its first problems, without throwing, in under 5 s', async () => {
    const t = Date.now();
    const v = validatePackText(JSON.stringify(malformed(35_000)));
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problems[0]?.path).toMatch(/^entries\[0\]/);
    expect(!v.ok && v.problems.at(-1)?.reason).toMatch(/stopped after/);
    const r = await importUserPack(JSON.stringify(malformed(35_000)), RESERVED);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems?.at(-1)).toMatch(/more problems/);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});

describe('a damaged pack already stored', () => {
  async function storeValidAndDamaged(damaged: unknown) {
    expect((await importUserPack(JSON.stringify(userPack({ id: 'keep', entryIds: ['keep-1'] })), RESERVED)).ok).toBe(true);
    const data = await storedData();
    await fakeBrowser.storage.local.set({ userPacks: { v: 1, data: [...data, damaged] } });
  }

  it.each([
    ['a huge malformed pack', { pack: malformed(35_000), importedAt: 1 }],
    ['a small damaged pack', { pack: { id: 'broken', entries: 'x' }, importedAt: 1 }],
  ])('%s: the valid packs still read, and the next import keeps both', async (_name, damaged) => {
    await storeValidAndDamaged(damaged);
    expect((await readUserPacks()).map((s) => s.pack.id)).toEqual(['keep']);
    expect(repairs.some((n) => n.key === 'userPacks')).toBe(true);
    expect((await importUserPack(JSON.stringify(userPack({ id: 'new', entryIds: ['new-1'] })), RESERVED)).ok).toBe(true);
    expect((await readUserPacks()).map((s) => s.pack.id)).toEqual(['keep', 'new']);
    // The damaged one is still stored as it was (not erased without notice).
    expect(await storedData()).toContainEqual(damaged);
    expect((await removeUserPack('new')).ok).toBe(true);
    expect(await storedData()).toContainEqual(damaged);
    expect((await readUserPacks()).map((s) => s.pack.id)).toEqual(['keep']);
  });
});

describe('what the reader is told about a damaged pack kept in storage', () => {
  const damaged = { pack: { id: 'broken', title: 'Broken pack', entries: 'x' }, importedAt: 1 };
  async function storeWith(...bad: unknown[]) {
    expect((await importUserPack(JSON.stringify(userPack({ id: 'keep', entryIds: ['keep-1'] })), RESERVED)).ok).toBe(true);
    await fakeBrowser.storage.local.set({ userPacks: { v: 1, data: [...(await storedData()), ...bad] } });
  }
  const packNotices = () => repairs.filter((n) => n.key === 'userPacks');

  it('says it is kept and not used (not "removed"), once, however many workers read it', async () => {
    await storeWith(damaged);
    for (let start = 0; start < 3; start++) expect((await readUserPacks()).map((s) => s.pack.id)).toEqual(['keep']);
    expect(packNotices()).toHaveLength(1);
    expect(packNotices()[0]!.message).toMatch(/not used; it is kept as it was/);
    expect(packNotices()[0]!.message).not.toMatch(/removed/);
    // An import that keeps it does not report it again either.
    expect((await importUserPack(JSON.stringify(userPack({ id: 'new', entryIds: ['new-1'] })), RESERVED)).ok).toBe(true);
    expect(packNotices()).toHaveLength(1);
    expect(await storedData()).toContainEqual(damaged);
  });

  it('is listed by name until the reader removes it, and removing it keeps the valid packs', async () => {
    await storeWith(damaged);
    expect(await readDamagedPacks()).toEqual([{ id: 'broken', title: 'Broken pack' }]);
    expect(await removeDamagedPacks()).toEqual({ ok: true, message: 'Removed 1 damaged pack.' });
    expect(await readDamagedPacks()).toEqual([]);
    expect(await storedData()).not.toContainEqual(damaged);
    expect((await readUserPacks()).map((s) => s.pack.id)).toEqual(['keep']);
  });

  it('a pack damaged later is reported in its turn', async () => {
    await storeWith(damaged);
    await readUserPacks();
    const other = { pack: { id: 'other', entries: 0 }, importedAt: 2 };
    await fakeBrowser.storage.local.set({ userPacks: { v: 1, data: [...(await storedData()), other] } });
    await readUserPacks();
    expect(packNotices()).toHaveLength(2);
  });
});

describe('an unreadable store', () => {
  it('is not written over by an import or a removal', async () => {
    expect((await importUserPack(JSON.stringify(userPack({ id: 'keep', entryIds: ['keep-1'] })), RESERVED)).ok).toBe(true);
    const before = await storedData();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('Invalid JSON'));
    const r = await importUserPack(JSON.stringify(userPack({ id: 'new', entryIds: ['new-1'] })), RESERVED);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Not imported: the browser could not read your imported packs/) });
    expect(await removeUserPack('keep')).toMatchObject({ ok: false });
    get.mockRestore();
    expect(await storedData()).toEqual(before);
  });
});

describe('the size check counts as Chrome does', () => {
  it('"<", U+2028 and control characters take 6 bytes each (Chrome escapes them)', async () => {
    const { storedBytes } = await import('../../../lib/storage/user-packs');
    const plain = userPack();
    const base = storedBytes([{ pack: plain as never, importedAt: 0 }]);
    const marked = userPack();
    marked.entries[0]!.summary = plain.entries[0]!.summary + '<'.repeat(1000) + '\u2028'.repeat(100) + '\u007f'.repeat(100);
    // 1,000 × 6 + 100 × 6 + 100 × 6 bytes more than the plain pack.
    expect(storedBytes([{ pack: marked as never, importedAt: 0 }]) - base).toBe(7200);
  });
});
