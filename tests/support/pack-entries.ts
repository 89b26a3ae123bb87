/**
 * The bundled packs' entries as they stand, each entry checked on its own (schema only): tests of
 * the page scanner read whatever the pack holds, even while another entry's cross-reference is
 * being fixed (the pack's own tests catch that).
 */
import { EntrySchema, type Entry } from '../../core/schema/pack';
import { loadAllPackSources } from '../../scripts/lib/content-loader';

export function currentEntries(): Entry[] {
  const out: Entry[] = [];
  for (const src of loadAllPackSources()) {
    for (const raw of (src.pack.entries as unknown[]) ?? []) {
      const r = EntrySchema.safeParse(raw);
      if (r.success) out.push(r.data);
    }
  }
  return out;
}
