/**
 * Claim check and the timeline beside a large pack (a whole code in IndexedDB, decision 0011),
 * started as a restarted worker starts: the large pack as columns with its stored index. A claim
 * that paraphrases one of its sections gets that section (read whole: a few keyed gets, never the
 * whole pack); a paragraph reads at most MAX_WHOLE_READS entries; a failed read still answers;
 * the timeline says which packs it leaves out instead of listing every section as undated.
 * IndexedDB (lib/storage/pack-db.ts) is an in-memory stand-in.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../core/schema/pack';
import type { StoredIndex } from '../../core/search/index';
import { toColumns } from '../../core/pack/columns';
import type { LargePackMeta, StoredBrief } from '../../lib/storage/pack-db';
import { syntheticEntries } from '../../scripts/commands/bench';
import { bundledPacks } from '../support/bundled';

const db = vi.hoisted(() => ({
  entries: [] as Entry[],
  index: undefined as { key: string; index: unknown } | undefined,
  /** Ids of every keyed get, and of every whole-pack read. */
  gets: [] as string[],
  wholeReads: 0,
  failing: false,
}));

vi.mock('../../lib/storage/pack-db', async (orig) => ({
  ...(await orig<object>()),
  readBriefs: async (): Promise<StoredBrief[]> => (db.entries.length ? [{ meta: META, columns: toColumns(db.entries), current: true }] : []),
  readAllEntries: async () => (db.wholeReads++, structuredClone(db.entries)),
  readEntries: async (_pack: string, ids: readonly string[]) => {
    db.gets.push(...ids);
    if (db.failing) throw new Error('database closed');
    return structuredClone(db.entries.filter((e) => ids.includes(e.id)));
  },
  readStoredIndexRecord: async () => db.index && { key: db.index.key, index: structuredClone(db.index.index) as StoredIndex },
  writeStoredIndex: async (key: string, index: StoredIndex) => void (db.index = { key, index: structuredClone(index) }),
  writeBriefs: async () => undefined,
}));

// The unit suite shares modules between files (isolate: false): take the stand-in database.
vi.resetModules();
const { createLookupService } = await import('../../lib/lookup-service');
const { keepIndex, loadSearchedPacks } = await import('../../lib/large-packs');
const { claimCheckWhole, MAX_WHOLE_READS } = await import('../../lib/claims-whole');
const { claimCheckView, packTimelineView } = await import('../../lib/claims-service');

const META: LargePackMeta = { id: 'big', title: 'Code of Bigtown', jurisdiction: 'Bigtown', version: '1', asOf: '2026-06-30', entries: 0, bytes: 5e6, importedAt: 1 };
const src = [{ id: 's1', url: 'https://example.org/code', publisher: 'Bigtown', type: 'primary' as const }];
const section = (id: string, title: string, points: string[], date: string): Entry => ({
  id, kind: 'ordinance-section', jurisdiction: 'Bigtown', title, citation: `Bigtown Code § ${id.slice(4)}`, aliases: [], summary: '',
  points: points.map((text) => ({ text, confidence: 'primary' as const, sources: ['s1'] })), exceptions: [],
  dates: [{ date, type: 'adopted', what: 'Adopted.', confidence: 'primary', sources: ['s1'] }],
  status: 'in-force', sources: src, related: [], openQuestions: [], keywords: [],
});
const BEES = section('big-8-1801', 'Rooftop beehives', ['A resident may keep no more than two beehives on the roof of a dwelling.', 'Each rooftop hive needs an apiary permit from the Department of Health, renewed every year.'], '2019-03-01');
const SCOOTERS = section('big-50-2201', 'Dockless scooters', ['No person shall ride a dockless electric scooter on a sidewalk in the central business district.'], '2021-07-15');
const bundled = bundledPacks();

/** A background after a worker stop: the large pack as columns, with the index stored at import. */
async function background() {
  const service = createLookupService(bundled);
  const got = (await loadSearchedPacks(service, '9.9.9', () => true))!;
  await keepIndex(service, got, () => true);
  return service;
}

beforeAll(async () => {
  db.entries = [...syntheticEntries(400, 11).map((e) => ({ ...e, id: `big-${e.id}`, jurisdiction: 'Bigtown', related: [] })), BEES, SCOOTERS];
  META.entries = db.entries.length;
  await background(); // the first start builds the index and stores it, as the import does
  expect(db.index).toBeDefined();
});

// Files that run after this one may get this stand-in (one module graph): leave it empty.
afterAll(() => {
  db.entries = [];
  db.index = undefined;
});

const BEE_CLAIM = 'In Bigtown a rooftop hive needs an apiary permit from the health department every year.';

describe('claim check beside a large pack', () => {
  it('sets a claim beside the large-pack section the engine names, read whole with a few keyed gets', async () => {
    const service = await background();
    expect(service.indexSource()).toBe('cache');
    db.gets = [];
    db.wholeReads = 0;
    const view = await claimCheckWhole(service, BEE_CLAIM);
    expect(view.clauses[0]?.entry).toBe(BEES.id);
    expect(view.clauses[0]?.matched).toBe(BEES.points[1]!.text);
    expect(view.entries[BEES.id]).toMatchObject({ title: 'Rooftop beehives', pack: 'Code of Bigtown' });
    // A pasted memo says where the section comes from and as of when (the imported pack's date, not the bundled pack's).
    expect(view.memo.plain).toContain('from “Code of Bigtown”, a pack you imported (not checked by Ordinance Lens), as of June 30, 2026');
    expect(db.wholeReads, 'never the whole pack').toBe(0);
    expect(db.gets.length).toBeGreaterThan(0);
    expect(db.gets.length).toBeLessThanOrEqual(MAX_WHOLE_READS);
    // The check's own entries are the bundled ones: the large pack is not made into stubs for it.
    expect(service.corpus().entries.length).toBe(bundled.reduce((n, p) => n + p.entries.length, 0));
  });

  it('checks a paragraph (one lookup for the passage) with at most MAX_WHOLE_READS entries read', async () => {
    const service = await background();
    db.gets = [];
    const text = `${BEE_CLAIM} Riding a dockless electric scooter on the sidewalk downtown is banned. The council met on Tuesday. Parking rules changed in the spring. Police may not ask about immigration status.`;
    const view = await claimCheckWhole(service, text);
    expect(view.clauses.map((c) => c.entry)).toEqual(expect.arrayContaining([BEES.id, SCOOTERS.id]));
    expect(new Set(db.gets).size).toBe(db.gets.length);
    expect(db.gets.length).toBeLessThanOrEqual(MAX_WHOLE_READS);
  });

  it('sets no large-pack section beside claims the engine answers nothing for', async () => {
    const service = await background();
    // Each shares a few everyday words with the beehive section ("permit", "every year", "health",
    // "renewed") and nothing more; with the engine's weaker candidates read too, each was set beside it.
    for (const text of ['A permit is needed every year for the parade.', 'The department of health renewed its website.']) {
      const view = await claimCheckWhole(service, text);
      expect(view.clauses.length).toBe(1);
      expect(view.clauses[0]?.entry ?? '', text).not.toMatch(/^big-/);
    }
  });

  it('answers from the other packs when the entries cannot be read (never throws)', async () => {
    const service = await background();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    db.failing = true;
    try {
      const view = await claimCheckWhole(service, BEE_CLAIM);
      expect(view.clauses[0]?.entry).not.toBe(BEES.id);
      expect(warn).toHaveBeenCalled();
      // Said, not hidden: the view and its memo name the pack whose sections were left out.
      expect(view.unread).toEqual(['Code of Bigtown']);
      expect(view.memo.plain).toMatch(/Left out: sections of “Code of Bigtown” that could not be read\.$/);
    } finally {
      db.failing = false;
      warn.mockRestore();
    }
  });

  it('without a large pack, gives exactly what the bundled-only check gives', async () => {
    const service = createLookupService(bundled);
    for (const text of ['Police may not ask anyone about their immigration status.', 'The city will not hold people for ICE. Officers can still work with the FBI. Sheriffs may honor detainers. The jail released him. It rained.']) {
      expect(await claimCheckWhole(service, text)).toEqual(claimCheckView(service.corpus(), text));
    }
  });
});

describe('the timeline beside a large pack', () => {
  it('leaves the large pack out, says so, and is the bundled timeline otherwise', async () => {
    const service = await background();
    const plain = createLookupService(bundled);
    const view = packTimelineView(service.corpus(), {});
    expect(view.notCovered).toEqual([{ title: 'Code of Bigtown', entries: 402 }]);
    expect(view.undated.some((u) => u.id.startsWith('big-'))).toBe(false);
    expect(view.jurisdictions).not.toContain('Bigtown');
    expect(view.memo.plain).toMatch(/\n\nNot in this timeline: “Code of Bigtown” \(402 sections\)\.$/);
    const { notCovered, memo, ...rest } = view;
    expect(notCovered).toBeDefined();
    const { memo: plainMemo, ...plainRest } = packTimelineView(plain.corpus(), {});
    expect(rest).toEqual(plainRest);
    expect(memo.plain.startsWith(plainMemo.plain)).toBe(true);
  });
});
