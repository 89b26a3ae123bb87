/**
 * The one reader of a stored value kept as `{ v, data }` (settings, history, imported packs), with
 * the repairs every such value gets, so each module only says what its data is:
 * - unreadable store: reported, nothing written over it (it may come back), `reset()` returned;
 * - key written before and now missing: reported, replaced by `reset()`;
 * - never written: `fresh()`, nothing reported;
 * - not a versioned value, or a migration that fails: reported, replaced by `reset()`;
 * - from a newer build: reported, read as far as `salvage` can, not overwritten;
 * - damaged parts: `salvage` keeps the rest and says what it dropped; reported, and the cleaned
 *   value written back (unless the spec says its data cannot be recreated).
 * Other keys are never touched, and the read never throws.
 *
 * Why not WXT's `storage.defineItem({ version, migrations })`: docs/decisions/0008-versioned-storage.md.
 */
import { browser } from 'wxt/browser';
import { isEnvelope, KEYS, readRaw, wasWritten, writeAtomic, type DataKey, type Envelope } from './area';
import { reportRepair } from './repair';

/** What `salvage` kept of stored data, and what it had to drop. */
export interface Salvaged<T> {
  value: T;
  /** Set when something was dropped or reset: `whole` when nothing usable was left. */
  damage?: { whole: boolean; detail: string };
  /** A sentence added to the reader's repair notice (settings: "history is off until …"). */
  note?: string;
  /** Names the damaged parts of data kept in storage (rewriteDamaged false): reported once, not on every read. */
  damageKey?: string;
}

export interface VersionedValue<T> {
  key: DataKey;
  /** The shape version this build writes. */
  version: number;
  /** MIGRATIONS[n] turns version n-1 data into version n data. Pure; may throw on garbage. */
  migrations: Readonly<Record<number, (data: unknown) => unknown>>;
  /** The value of a key never written (a fresh install). */
  fresh(): T;
  /** The value that replaces damaged, unreadable or vanished data. */
  reset(): T;
  /** Keeps the well-formed parts of `data` (already migrated to `version`). Never throws. */
  salvage(data: unknown): Salvaged<T>;
  /** The sentence added to the notice when the whole value was reset (settings: history is off). */
  resetNote?: string;
  /** A value stored before the key was kept as `{ v, data }`, as the envelope it stands for (undefined: not one). */
  legacy?(stored: unknown): Envelope<unknown> | undefined;
  /**
   * Write the value back without its damaged parts (default). Off for data that cannot be
   * recreated (imported packs): a damaged item is reported and skipped, but stays stored.
   */
  rewriteDamaged?: boolean;
}

/** `{ v: version, data }` for `spec`. */
export function envelopeOf<T>(spec: Pick<VersionedValue<T>, 'version'>, data: T): Envelope<T> {
  return { v: spec.version, data };
}

/** Runs `migrations` from version `from` up to `to`; throws when a step is missing or fails. */
export function migrate(migrations: VersionedValue<unknown>['migrations'], from: number, to: number, data: unknown): unknown {
  let out = data;
  for (let v = from + 1; v <= to; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`no migration to v${v}`);
    out = step(out);
  }
  return out;
}

/** Reads `spec.key`, repairing as the module comment says. Never throws. */
export async function readVersioned<T>(spec: VersionedValue<T>): Promise<T> {
  try {
    return await readOrRepair(spec);
  } catch (err) {
    // Unreachable by design; a last guard so a bug here never breaks a page.
    console.warn(`[Ordinance Lens] ${spec.key} read failed`, err);
    return spec.reset();
  }
}

async function readOrRepair<T>(spec: VersionedValue<T>): Promise<T> {
  const { key } = spec;
  const replace = async (reason: 'vanished' | 'corrupted', detail: string) => {
    await reportRepair(key, reason, detail, spec.resetNote);
    await writeAtomic({ [key]: envelopeOf(spec, spec.reset()) });
    return spec.reset();
  };
  const raw = await readRaw(key);
  if (raw.kind === 'unreadable') {
    await reportRepair(key, 'unreadable', raw.error, spec.resetNote);
    return spec.reset();
  }
  if (raw.kind === 'missing') {
    return (await wasWritten(key)) ? replace('vanished', `the ${key} key was written before and is now missing`) : spec.fresh();
  }
  const stored = isEnvelope(raw.value) ? raw.value : (spec.legacy?.(raw.value) ?? raw.value);
  if (!isEnvelope(stored)) return replace('corrupted', `not a versioned value: ${describe(stored)}`);
  if (stored.v > spec.version) {
    // Saved by a newer build (e.g. after a downgrade): use what we understand, keep the stored value.
    const s = spec.salvage(stored.data);
    await reportRepair(key, 'newer-version', `stored v${stored.v}, this build reads v${spec.version}`, s.note);
    return s.value;
  }
  let data: unknown;
  try {
    data = migrate(spec.migrations, stored.v, spec.version, stored.data);
  } catch (err) {
    return replace('corrupted', `migration from v${stored.v} failed: ${String(err)}`);
  }
  const s = spec.salvage(data);
  if (s.damage && !s.damage.whole && spec.rewriteDamaged === false) {
    // Kept in storage, unused: say so the first time these parts are seen, not on every worker start.
    // Reported first, then remembered: a context closed between the two (a settings page
    // reloaded, a worker stopped) may repeat the notice, never lose it.
    const damageKey = s.damageKey ?? s.damage.detail;
    if (await notReportedYet(key, damageKey)) {
      await reportRepair(key, 'invalid-fields', `${s.damage.detail} (stored v${stored.v})`, s.note);
      await rememberReported(key, damageKey);
    }
  } else if (s.damage) {
    const { whole, detail } = s.damage;
    await reportRepair(key, whole ? 'corrupted' : 'invalid-fields', `${detail} (stored v${stored.v})`, whole ? (s.note ?? spec.resetNote) : s.note);
    if (whole || spec.rewriteDamaged !== false) await writeAtomic({ [key]: envelopeOf(spec, s.value) });
  }
  return s.value;
}

/** The damaged parts of `key` already reported, by key. Never throws. */
async function reportedDamage(): Promise<Record<string, unknown>> {
  const got = await readRaw(KEYS.damageReported);
  return got.kind === 'value' && got.value && typeof got.value === 'object' ? (got.value as Record<string, unknown>) : {};
}

/** True until these damaged parts of `key` have been reported (rememberReported). Never throws. */
async function notReportedYet(key: string, damageKey: string): Promise<boolean> {
  return (await reportedDamage())[key] !== damageKey;
}

/** Remembers that these damaged parts of `key` were reported. Never throws. */
async function rememberReported(key: string, damageKey: string): Promise<void> {
  await browser.storage.local.set({ [KEYS.damageReported]: { ...(await reportedDamage()), [key]: damageKey } }).catch(() => undefined);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return `a string of ${x.length} characters`;
  return typeof x;
}
