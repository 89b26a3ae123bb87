/**
 * Dates in history notes as codes print them: "Dec. 11, 2012", "Sept. 26, 2012", "June 27, 1946".
 */
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

const DATE = /\b(jan|feb|mar|apr|may|june?|july?|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})\b/i;

/** The first printed date in `text` as YYYY-MM-DD, with where it starts; undefined when none is a real date. */
export function firstPrintedDate(text: string): { date: string; at: number; length: number } | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const month = MONTHS[m[1]!.toLowerCase().slice(0, m[1]!.toLowerCase().startsWith('sept') ? 4 : 3)] ?? MONTHS[m[1]!.toLowerCase().slice(0, 3)];
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (!month || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, at: m.index, length: m[0].length };
}
