/**
 * PackSchema.safeParse that cannot overflow the stack. zod gathers the issues of an array's items
 * with `push(...issues)`, one call argument per issue: a malformed pack of 35,000 entries has over
 * 100,000 issues and throws "Maximum call stack size exceeded" (the import page locked up; a stored
 * pack like that made the whole list read as empty). So the entries are checked one at a time
 * first, stopping after MAX_ISSUES; the whole pack is parsed only when every entry is valid (and
 * then has few issues, if any). Never throws.
 */
import { EntrySchema, PackSchema, type Pack } from './pack';

/** Issues listed before stopping: a reader fixes the first few; the rest are "and more". */
export const MAX_ISSUES = 200;

export interface PackIssue {
  path: PropertyKey[];
  message: string;
}
export type PackParse = { success: true; data: Pack } | { success: false; issues: PackIssue[]; stopped: boolean };

export function parsePack(value: unknown): PackParse {
  try {
    const entries = value !== null && typeof value === 'object' ? (value as { entries?: unknown }).entries : undefined;
    if (Array.isArray(entries) && entries.length > 0) {
      const issues: PackIssue[] = [];
      let i = 0;
      for (; i < entries.length && issues.length < MAX_ISSUES; i++) {
        const r = EntrySchema.safeParse(entries[i]);
        if (!r.success) for (const iss of r.error.issues) issues.push({ path: ['entries', i, ...iss.path], message: iss.message });
      }
      if (issues.length) {
        // The pack's own fields too (its entries left out: they were just checked).
        const top = PackSchema.safeParse({ ...(value as object), entries: [entries[0]] });
        const own = top.success ? [] : top.error.issues.filter((x) => x.path[0] !== 'entries').map((x) => ({ path: x.path, message: x.message }));
        return { success: false, issues: [...own, ...issues.slice(0, MAX_ISSUES)], stopped: i < entries.length || issues.length > MAX_ISSUES };
      }
    }
    const r = PackSchema.safeParse(value);
    if (r.success) return { success: true, data: r.data };
    return { success: false, issues: r.error.issues.slice(0, MAX_ISSUES).map((x) => ({ path: x.path, message: x.message })), stopped: r.error.issues.length > MAX_ISSUES };
  } catch (err) {
    // A last guard (a shape no check above foresaw): a refusal, not an exception.
    return { success: false, issues: [{ path: [], message: `could not be checked (${err instanceof Error ? err.message : String(err)})` }], stopped: true };
  }
}
