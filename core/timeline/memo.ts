/**
 * The memo block a reader copies from a timeline range: each dated fact with its entry, pinpoint
 * cite where the entry has one, badge and the pack's as-of date, as Markdown and as plain text.
 */
import type { Entry } from '../schema/pack';
import { formatCiteDate, shortCite } from '../format/citation';
import type { PackTimelineItem } from './pack';

export function timelineMemo(items: readonly PackTimelineItem[], entries: ReadonlyMap<string, Entry>, asOf: string, range: { since?: string; until?: string } = {}): { markdown: string; plain: string } {
  const span = range.since || range.until ? ` (${range.since ? `since ${range.since}` : ''}${range.since && range.until ? ', ' : ''}${range.until ? `until ${range.until}` : ''})` : '';
  const head = `What changed${span}: Ordinance Lens, current as of ${formatCiteDate(asOf)}.`;
  const md = [`**${head}**`, ''];
  const pt = [head, ''];
  for (const x of items) {
    const e = entries.get(x.id);
    const cite = e ? shortCite({ entry: e }) : x.title;
    const badge = x.confidence === 'primary' ? 'Official' : 'Reported';
    const url = e?.sources.find((s) => s.type === 'primary')?.url ?? e?.sources[0]?.url;
    const esc = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1');
    md.push(`- ${x.date}: ${esc(x.what)} (${url ? `[${esc(cite)}](${url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : esc(cite)}; ${badge})`);
    pt.push(`${x.date}: ${x.what} (${cite}; ${badge}${url ? `; ${url}` : ''})`);
  }
  return { markdown: md.join('\n'), plain: pt.join('\n') };
}
