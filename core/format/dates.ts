/** Dates as a citation writes them (its own file so citation and text-version notes share it without an import cycle). */

const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date ("2026-02-13", "2026-02", "2026") in words with `months`; partial dates stay partial. */
function formatDate(iso: string, months: readonly string[]): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? months[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}

/** "2026-02-13" → "Feb. 13, 2026" (Bluebook month abbreviations). */
export function formatCiteDate(iso: string): string {
  return formatDate(iso, MONTHS);
}

/** "2026-02-13" → "February 13, 2026", for reading rather than citing. */
export function formatLongDate(iso: string): string {
  return formatDate(iso, LONG_MONTHS);
}
