/**
 * An entry as plain text, the way a reader sees it on the card: summary, points with their
 * confidence, exceptions, dates, open questions and sources. Used by `lens show`.
 */
import type { Entry, Pack } from '../schema/pack';
import { textVersionNote } from './text-version';

const BADGE: Record<string, string> = { primary: 'Official', reported: 'Reported' };

function sourceLabel(entry: Entry, ids: readonly string[]): string {
  return ids.map((id) => `[${entry.sources.findIndex((s) => s.id === id) + 1}]`).join('');
}

export function entryToText(entry: Entry, pack?: Pick<Pack, 'asOf' | 'title'>): string {
  const lines: string[] = [];
  lines.push(entry.title);
  if (entry.citation) lines.push(entry.citation);
  const version = textVersionNote(entry.textVersion);
  const meta = [`${entry.kind}`, `${entry.jurisdiction}`, `status: ${entry.status}${version ? ` (${version})` : ''}`];
  if (pack) meta.push(`current as of ${pack.asOf}`);
  lines.push(meta.join(' · '));
  lines.push('', entry.summary);
  if (entry.aliases.length) lines.push('', `Also called: ${entry.aliases.join('; ')}`);
  const list = (heading: string, items: Entry['points']) => {
    if (!items.length) return;
    lines.push('', heading);
    for (const p of items) {
      const sub = p.subsection ? `${p.subsection} ` : '';
      lines.push(`  - ${sub}${p.text} (${BADGE[p.confidence] ?? p.confidence}) ${sourceLabel(entry, p.sources)}`);
    }
  };
  list('What it provides:', entry.points);
  list('What it does not forbid / where it does not apply:', entry.exceptions);
  if (entry.dates.length) {
    lines.push('', 'Dates:');
    for (const d of [...entry.dates].sort((a, b) => a.date.localeCompare(b.date))) {
      lines.push(`  ${d.date}  ${d.type}: ${d.what} (${BADGE[d.confidence] ?? d.confidence}) ${sourceLabel(entry, d.sources)}`);
    }
  }
  if (entry.openQuestions.length) {
    lines.push('', 'Open questions (not confirmed):');
    for (const q of entry.openQuestions) lines.push(`  ? ${q}`);
  }
  if (entry.related.length) lines.push('', `Related: ${entry.related.join(', ')}`);
  lines.push('', 'Sources:');
  entry.sources.forEach((s, i) => {
    const kind = s.type === 'primary' ? 'primary' : 'secondary';
    const copy = s.via ? ` (copy at ${s.via}${s.originalUrl ? `; original: ${s.originalUrl}` : ''})` : '';
    lines.push(`  [${i + 1}] ${s.publisher}${copy}${s.title ? `, ${s.title}` : ''}${s.asOf ? ` (${s.asOf})` : ''}, ${kind}: ${s.url}`);
  });
  return lines.join('\n');
}
