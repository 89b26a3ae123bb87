/** Dates as a citation writes them (its own file so citation and text-version notes share it without an import cycle). */

const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** "2026-02-13" → "Feb. 13, 2026" (Bluebook month abbreviations); partial dates stay partial. */
export function formatCiteDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}
