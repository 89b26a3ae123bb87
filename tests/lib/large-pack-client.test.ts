/**
 * The settings page's side of the large-pack import worker (lib/large-pack-client.ts): it relays
 * the worker's progress and outcome, reports a failed store, cancels by ending the worker, and
 * checks on the page when no worker starts. The worker's check gives the same refusals as
 * validating on the page (lib/large-pack-import.ts `checkAndStore`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importInWorker } from '../../lib/large-pack-client';
import { checkAndStore, type CheckInput, type ImportProgress } from '../../lib/large-pack-import';
import { validatePackText, validatePackValue } from '../../core/schema/validate';
import { refusal } from '../../lib/storage/user-packs';
import { bundledPacks } from '../support/bundled';

/** The first problem a refusal lists. */
const firstProblem = (r: Awaited<ReturnType<typeof checkAndStore>>) => (!r.ok && !r.result.ok ? r.result.problems?.[0] : undefined);

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor(
    readonly url: string,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
}

const input: CheckInput = { packIds: ['bundled'], entryIds: ['a'], others: [{ pack: 'other', ids: ['b'] }] };
const file = (text: string) => ({ name: 'big.json', text: () => Promise.resolve(text) });
const progress: ImportProgress = { stage: 'checking', fraction: 0.1, label: 'Checking every entry…' };

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('importInWorker', () => {
  it('hands the worker the file and ids, relays its progress and gives back its outcome', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const seen: ImportProgress[] = [];
    const f = file('{}');
    const done = importInWorker(f, input, (p) => seen.push(p));
    const w = FakeWorker.made[0]!;
    expect(w.options.type).toBe('module');
    expect(w.posted).toEqual([{ file: f, input }]);
    w.onmessage!({ data: { type: 'progress', p: progress } });
    const outcome = { ok: true, pack: { id: 'p', title: 'P', version: '1', asOf: '2026-01-01', entries: 3 }, bytes: 9 };
    w.onmessage!({ data: { type: 'done', outcome } });
    await expect(done).resolves.toEqual(outcome);
    expect(seen).toEqual([progress]);
    expect(w.terminated).toBe(true);
  });

  it('a store the browser refused rejects (the page says so), with the error’s name', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const done = importInWorker(file('{}'), input, () => undefined);
    FakeWorker.made[0]!.onmessage!({ data: { type: 'failed', name: 'QuotaExceededError', message: 'full' } });
    await expect(done).rejects.toMatchObject({ name: 'QuotaExceededError', message: 'full' });
  });

  it('Cancel ends the worker (its transaction aborts)', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const ac = new AbortController();
    const done = importInWorker(file('{}'), input, () => undefined, ac.signal);
    ac.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('already cancelled: no worker is started', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const ac = new AbortController();
    ac.abort();
    await expect(importInWorker(file('{}'), input, () => undefined, ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.made).toEqual([]);
  });

  it.each(['reading', 'checking'])('on the page (no Worker), Cancel while %s stops before anything is stored', async (stage) => {
    vi.stubGlobal('Worker', undefined);
    const ac = new AbortController();
    const valid = JSON.stringify(bundledPacks()[0]!);
    const f = { name: 'big.json', text: () => (stage === 'reading' && ac.abort(), Promise.resolve(valid)) };
    // Not cancelled, the next step would open IndexedDB (absent here) and fail otherwise.
    const done = importInWorker(f, { ...input, packIds: [] }, (p) => p.stage === stage && stage === 'checking' && ac.abort(), ac.signal);
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('checks on the page when the worker does not start, or when there is no Worker', async () => {
    const text = '{"id": "x", ';
    const expected = { ok: false, result: refusal((validatePackText(text) as { problems: { path: string; reason: string }[] }).problems) };
    vi.stubGlobal('Worker', FakeWorker);
    const done = importInWorker(file(text), input, () => undefined);
    FakeWorker.made[0]!.onerror!({ message: 'script not loaded' });
    await expect(done).resolves.toEqual(expected);
    vi.stubGlobal('Worker', undefined);
    await expect(importInWorker(file(text), input, () => undefined)).resolves.toEqual(expected);
  });

  it('an error after the worker started rejects', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const done = importInWorker(file('{}'), input, () => undefined);
    FakeWorker.made[0]!.onmessage!({ data: { type: 'progress', p: progress } });
    FakeWorker.made[0]!.onerror!({ message: 'out of memory' });
    await expect(done).rejects.toThrow(/out of memory/);
  });
});

describe('checkAndStore refuses exactly as validation on the page does', () => {
  const pack = structuredClone(bundledPacks()[0]!) as unknown as { id: string; entries: Record<string, unknown>[] };
  pack.id = 'mine';

  it('a cut-off file: the JSON reason', async () => {
    const text = JSON.stringify(pack).slice(0, 500);
    const r = await checkAndStore(file(text), input, () => undefined);
    expect(r).toEqual({ ok: false, result: refusal((validatePackText(text) as { problems: { path: string; reason: string }[] }).problems) });
    expect(firstProblem(r)).toMatch(/^not valid JSON \(/);
  });

  it('an entry failing the schema, and ids other packs hold (the pack’s own earlier version left out)', async () => {
    const bad = structuredClone(pack);
    bad.entries[0]!.status = 'maybe';
    const ids = bad.entries.map((e) => String(e.id));
    const mine: CheckInput = { packIds: ['bundled'], entryIds: [ids[1]!], others: [{ pack: 'mine', ids }, { pack: 'other', ids: [ids[2]!] }] };
    const r = await checkAndStore(file(JSON.stringify(bad)), mine, () => undefined);
    const v = validatePackValue(JSON.parse(JSON.stringify(bad)), new Set([ids[1]!, ids[2]!]));
    expect(v.ok).toBe(false);
    expect(r).toEqual({ ok: false, result: refusal((v as { problems: { path: string; reason: string }[] }).problems) });
    expect(firstProblem(r)).toMatch(/^entries\[0\]\.status: /);
  });

  it('the id of the bundled pack', async () => {
    const r = await checkAndStore(file(JSON.stringify({ ...pack, id: 'bundled' })), input, () => undefined);
    expect(r.ok || r.result.message).toMatch(/^Not imported: the pack has the id "bundled"/);
  });
});
