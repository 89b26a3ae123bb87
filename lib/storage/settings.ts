/**
 * Reader settings, stored under `settings` in storage.local as a versioned envelope `{ v, data }`.
 *
 * Contract (the UI codes against it):
 * - `readSettings()` never throws. It migrates older versions on read (not in onInstalled:
 *   under --load-extension onInstalled says "install" on every launch, and a browser update can
 *   bring an old value back at any time). A damaged, unreadable or vanished value is reported
 *   (console.warn + `onStorageRepaired` + `readRepairNotices`) and replaced by defaults,
 *   field by field where possible, without touching any other key; "Keep lookup history"
 *   then reads as off (REPAIRED_SETTINGS: a privacy setting fails closed).
 * - `writeSettings(patch)` validates the patch, merges it into the current settings and writes
 *   them in one call; a write over quota returns a plain message and the old value stays.
 *
 * Version history (each step is one entry in MIGRATIONS, with a before/after fixture in
 * tests/lib/storage/fixtures.ts):
 *   v1  (preview builds) { enabled: boolean; blockedSites: string (comma/newline separated);
 *       style: 'short' | 'long' | 'markdown' }
 *   v2  Settings below: renamed fields, sites as a list, 'long' became 'memo', plus
 *       historyEnabled (on by default, as in v1 where history was always kept).
 */
import { browser } from 'wxt/browser';
import { z } from '../../core/schema/zod';
import { CITATION_STYLE_NAMES, type CitationStyleName } from '../../core/format/citation';
import { KEYS, readRaw, serialized, writeAtomic, type Envelope } from './area';
import { envelopeOf, migrate, readVersioned, type VersionedValue } from './versioned';
import { fail, type WriteResult } from './result';
import { normalizeSite } from './sites';

/** The citation styles are core's (core/format/citation.ts): a style added there can be saved. */
export type CitationStyle = CitationStyleName;

export interface Settings {
  /** Show the in-page card after a lookup. */
  cardEnabled: boolean;
  /** Host names (lower case, e.g. "example.com") where the card never appears. */
  disabledSites: string[];
  /** How "copy citation" formats a citation. */
  citationStyle: CitationStyle;
  /** Keep a local list of past lookups (never leaves the machine). */
  historyEnabled: boolean;
}

export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  cardEnabled: true,
  disabledSites: Object.freeze([]) as unknown as string[],
  citationStyle: 'short',
  historyEnabled: true,
}) as Settings;

/**
 * What a reader gets when their stored settings were damaged, unreadable or vanished: the
 * defaults, except "Keep lookup history", which is off. It is a privacy setting: if the reader
 * may have turned it off, a damaged value must not quietly start recording again (fail closed).
 * The repair notice tells them, and they can turn it back on. A fresh install keeps the defaults.
 */
export const REPAIRED_SETTINGS: Settings = Object.freeze({ ...DEFAULT_SETTINGS, historyEnabled: false }) as Settings;

/** Said in the repair notice whenever the repair turned history off. */
export const HISTORY_OFF_NOTE = 'Keep lookup history is off until you turn it back on in Settings.';

export const MAX_DISABLED_SITES = 1000;
const MAX_SITE_LENGTH = 253;

/** Brings host names to the form pages are matched in (lib/storage/sites.ts), de-duplicated; drops what cannot match. */
export function normalizeSites(sites: readonly string[]): string[] {
  return [...new Set(sites.map(normalizeSite).flatMap((c) => (c.ok ? [c.host] : [])))];
}

const siteSchema = z
  .string()
  .max(MAX_SITE_LENGTH + 64, 'a site name is too long')
  .refine((s) => s.trim().length <= MAX_SITE_LENGTH, 'a site name is too long')
  .refine((s) => !/\s/.test(s.trim()), 'a site name cannot contain spaces')
  .superRefine((s, ctx) => {
    const c = normalizeSite(s);
    if (!c.ok && c.reason !== 'empty') ctx.addIssue({ code: 'custom', message: c.reason });
  });

/** One schema per field, so a damaged field can be reset alone. */
const fieldSchemas = {
  cardEnabled: z.boolean(),
  disabledSites: z
    .array(siteSchema)
    .max(MAX_DISABLED_SITES * 2, `at most ${MAX_DISABLED_SITES} sites`)
    .transform(normalizeSites)
    .refine((s) => s.length <= MAX_DISABLED_SITES, `at most ${MAX_DISABLED_SITES} sites`),
  citationStyle: z.enum(CITATION_STYLE_NAMES),
  historyEnabled: z.boolean(),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K], unknown> };

/**
 * Reading what is stored is lenient about sites: one that an older build let through and that can
 * never match is dropped, the others kept (the strict schema would reset the whole list).
 */
const storedFieldSchemas = {
  ...fieldSchemas,
  disabledSites: z
    .array(z.string().max(MAX_SITE_LENGTH + 64))
    .max(MAX_DISABLED_SITES * 2)
    .transform((sites) => normalizeSites(sites).slice(0, MAX_DISABLED_SITES)),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K], unknown> };

/** The full current shape; used by backup import. */
export const settingsSchema = z.strictObject(fieldSchemas);
const patchSchema = z.strictObject(fieldSchemas).partial();

const FIELD_WORDS: Record<keyof Settings, string> = {
  cardEnabled: 'Show the card',
  disabledSites: 'Sites where the card is off',
  citationStyle: 'Citation style',
  historyEnabled: 'Keep lookup history',
};

/** Migrations: MIGRATIONS[n] turns version n-1 data into version n data. Pure; may throw on garbage. */
export const MIGRATIONS: Record<number, (data: unknown) => unknown> = {
  2: (old) => {
    const v1 = asRecord(old);
    const style = v1.style === 'long' ? 'memo' : v1.style;
    const sites = typeof v1.blockedSites === 'string' ? v1.blockedSites.split(/[\n,]+/) : v1.blockedSites;
    return {
      cardEnabled: v1.enabled,
      disabledSites: sites,
      citationStyle: style,
      historyEnabled: true,
    };
  },
};

function asRecord(x: unknown): Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new Error('not an object');
  return x as Record<string, unknown>;
}

/** Runs the migrations from version `from` up to the current one (backup import uses it too). */
export function migrateSettings(from: number, data: unknown): unknown {
  return migrate(MIGRATIONS, from, SETTINGS_VERSION, data);
}

/**
 * Validates `data` field by field: valid fields are kept, invalid or missing ones take the
 * repaired default (REPAIRED_SETTINGS: history off). Returns the settings and the names of the fields that were reset.
 */
export function salvageSettings(data: unknown): { settings: Settings; reset: (keyof Settings)[] } {
  const rec = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const settings = repairedDefaults();
  const reset: (keyof Settings)[] = [];
  for (const key of Object.keys(fieldSchemas) as (keyof Settings)[]) {
    const parsed = storedFieldSchemas[key].safeParse(rec[key]);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
    else reset.push(key);
  }
  return { settings, reset };
}

function freshDefaults(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [] };
}

function repairedDefaults(): Settings {
  return { ...REPAIRED_SETTINGS, disabledSites: [] };
}

const SETTINGS_VALUE: VersionedValue<Settings> = {
  key: KEYS.settings,
  version: SETTINGS_VERSION,
  migrations: MIGRATIONS,
  fresh: freshDefaults,
  reset: repairedDefaults,
  resetNote: HISTORY_OFF_NOTE,
  salvage(data) {
    const { settings, reset } = salvageSettings(data);
    const note = reset.includes('historyEnabled') ? HISTORY_OFF_NOTE : undefined;
    if (reset.length === 0) return { value: settings };
    const whole = reset.length === Object.keys(fieldSchemas).length;
    return { value: settings, damage: { whole, detail: `reset ${reset.join(', ')}` }, ...(note ? { note } : {}) };
  },
};

/** Reads the reader's settings. Never throws; see the module comment. */
export function readSettings(): Promise<Settings> {
  return readVersioned(SETTINGS_VALUE);
}

export const UNREADABLE_NOT_SAVED = 'Not saved: the browser could not read your stored data just now, and saving would have replaced it. Nothing was changed; try again.';

export function envelope(settings: Settings): Envelope<Settings> {
  return envelopeOf(SETTINGS_VALUE, settings);
}

/**
 * Validates `patch` and stores the merged settings. Returns `{ ok: false, message }` in plain
 * words for an invalid patch or a failed write (over quota: the old settings stay).
 */
export function writeSettings(patch: Partial<Settings>): Promise<WriteResult> {
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') return Promise.resolve(fail(`Not saved: Unknown setting "${issue.keys.join('", "')}".`));
    const field = issue?.path[0];
    const label = typeof field === 'string' && field in FIELD_WORDS ? FIELD_WORDS[field as keyof Settings] : field === undefined ? 'Settings' : `Unknown setting "${String(field)}"`;
    return Promise.resolve(fail(`Not saved: ${label}: ${issue?.message ?? 'invalid value'}.`));
  }
  return serialized(async () => {
    // An unreadable store may come back: merging into defaults and writing would replace it.
    if ((await readRaw(KEYS.settings)).kind === 'unreadable') return fail(UNREADABLE_NOT_SAVED);
    const current = await readSettings();
    const next: Settings = { ...current, ...(parsed.data as Partial<Settings>) };
    return writeAtomic({ [KEYS.settings]: envelope(next) });
  });
}

/**
 * Calls `listener` with the validated settings whenever another context changes them.
 * Returns an unsubscribe function.
 */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(KEYS.settings in changes)) return;
    void readSettings().then(listener, () => undefined);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
