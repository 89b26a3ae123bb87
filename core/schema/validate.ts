/**
 * Validate a pack given as text (a file the user imports, or a compiled bundled pack). Never
 * throws: every failure is a list of `path: reason` problems.
 */
import { checkIntegrity, type Problem } from './integrity';
import { SCHEMA_VERSION, type Pack } from './pack';
import { parsePack } from './parse-pack';

/**
 * Larger packs are refused before parsing. Set from a real code, not from hand-written packs: the
 * whole D.C. Code (21,163 sections, 120,000 subsections, 83 MB of XML) imports as a 54 MB pack, so
 * 128 MB takes a code more than twice its size, while staying far under V8's ~512 MB string limit
 * (validating the 54 MB pack takes 3.6 s of CPU and 350 MB of memory in Node on a 2-core machine). (The browser's own storage limits apply
 * after validation; see lib/storage/user-packs.ts.)
 */
export const MAX_PACK_BYTES = 128 * 1024 * 1024;

/** Bytes of `text` in UTF-8 (what a file of it takes; a JS string's length counts UTF-16 units). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one character of four bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The problem with a pack text over MAX_PACK_BYTES in UTF-8, or undefined (counted only when it could be over). */
export function tooLarge(text: string): string | undefined {
  if (text.length * 3 <= MAX_PACK_BYTES) return undefined;
  const bytes = utf8Bytes(text);
  return bytes > MAX_PACK_BYTES ? `file is too large (${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_PACK_BYTES / 1048576} MB)` : undefined;
}

export type ValidationResult = { ok: true; pack: Pack; problems: [] } | { ok: false; problems: Problem[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

const fail = (reason: string, path = ''): ValidationResult => ({ ok: false, problems: [{ path, reason }] });

/** Validate an already-parsed value (schema, then integrity). */
export function validatePackValue(value: unknown, knownIds?: ReadonlySet<string>): ValidationResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('a pack must be a JSON object with an "entries" array');
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    return fail(
      version === undefined
        ? `missing schemaVersion (this build reads schemaVersion ${SCHEMA_VERSION})`
        : `unsupported schemaVersion ${JSON.stringify(version)} (this build reads schemaVersion ${SCHEMA_VERSION})`,
      'schemaVersion',
    );
  }
  const parsed = parsePack(value); // not PackSchema.safeParse: see parse-pack.ts (stack overflow)
  if (!parsed.success) {
    const problems = parsed.issues.map((i) => ({ path: formatPath(i.path), reason: i.message }));
    if (parsed.stopped) problems.push({ path: '', reason: `…stopped after ${problems.length} problems; fix these and check again` });
    return { ok: false, problems };
  }
  const problems = checkIntegrity(parsed.data, knownIds);
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.data, problems: [] };
}

/** Validate pack text: size, emptiness, JSON syntax, then the value. */
export function validatePackText(text: string, knownIds?: ReadonlySet<string>): ValidationResult {
  const large = tooLarge(text);
  if (large) return fail(large);
  if (text.trim() === '') return fail('file is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return fail(`not valid JSON (${msg})`);
  }
  return validatePackValue(value, knownIds);
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.reason}` : p.reason)).join('\n');
}
