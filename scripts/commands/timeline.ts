/**
 * `lens timeline <pack-id> [--since DATE] [--until DATE] [--jurisdiction NAME] [--kind KIND] [--json]`:
 * every dated fact of a bundled pack in date order (partial dates first in their period), with
 * the entries that have no dated fact listed apart. With --json, an array of
 * {"date", "id", "what", "confidence"}: the dated items in order, then the undated entries with
 * "date": null.
 */
import { buildPackTimeline, isFilterDate } from '../../core/timeline/pack';
import { orReport } from '../lib/or-report';
import { ENTRY_KINDS, type EntryKind } from '../../core/schema/pack';
import { loadBundledPacks } from '../lib/bundled-packs';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const spec = {
  name: 'timeline',
  synopsis: '<pack-id> [--since DATE] [--until DATE] [--jurisdiction NAME]… [--kind KIND]… [--json]',
  summary: 'every dated fact of a bundled pack in date order, entries with no date listed apart',
  positionals: true,
  options: {
    since: { type: 'string', value: 'DATE', help: 'only facts from this date on (YYYY, YYYY-MM or YYYY-MM-DD; a partial date whose period overlaps is kept)' },
    until: { type: 'string', value: 'DATE', help: 'only facts up to this date (same forms)' },
    jurisdiction: { type: 'string', value: 'NAME', multiple: true, help: 'only entries of this jurisdiction' },
    kind: { type: 'string', value: 'KIND', multiple: true, help: 'only entries of this kind (ordinance-section, term…; lens validate counts them)' },
    json: { type: 'boolean', help: 'print an array of {date, id, what, confidence}: dated items in order, then undated entries with "date": null' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) =>
    runCommand(spec, args, (v, ids) => {
      if (ids.length !== 1) throw new UsageError(ids.length ? `takes one pack id, got ${ids.length}` : 'give a pack id, e.g. lens timeline minneapolis');
      for (const [name, d] of [['--since', v.since], ['--until', v.until]] as const) {
        if (d !== undefined && !isFilterDate(d)) throw new UsageError(`${name} expects a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${d}")`);
      }
      const bad = (v.kind ?? []).find((k) => !(ENTRY_KINDS as readonly string[]).includes(k));
      if (bad !== undefined) throw new UsageError(`--kind is one of ${ENTRY_KINDS.join(', ')}, got "${bad}"`);
      return printTimeline(ids[0]!, { since: v.since, until: v.until, jurisdictions: v.jurisdiction ?? [], kinds: (v.kind ?? []) as EntryKind[] }, !!v.json);
    }),
};

interface Filters {
  since: string | undefined;
  until: string | undefined;
  jurisdictions: string[];
  kinds: EntryKind[];
}

function printTimeline(packId: string, { since, until, jurisdictions, kinds }: Filters, json: boolean): number {
  const packs = orReport(() => loadBundledPacks());
  if (!packs) return 1;
  const pack = packs.find((p) => p.id === packId);
  if (!pack) {
    console.error(`lens timeline: no bundled pack "${packId}" (packs: ${packs.map((p) => p.id).join(', ')})`);
    return 1;
  }
  const t = buildPackTimeline(pack.entries, {
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    jurisdictions,
    kinds,
    asOf: pack.asOf,
  });
  if (json) {
    const out = [
      ...t.items.map((x) => ({ date: x.date, id: x.id, what: x.what, confidence: x.confidence })),
      ...t.undated.map((u) => ({ date: null, id: u.id, what: `${u.title}: no dated fact in this pack`, confidence: null })),
    ];
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  console.log(`${pack.title}: ${t.items.length} dated facts${since ? ` since ${since}` : ''}${until ? ` until ${until}` : ''} (current as of ${pack.asOf})`);
  for (const x of t.items) {
    console.log(`${x.date.padEnd(10)}  ${x.confidence === 'primary' ? 'Official' : 'Reported'}  ${x.title} [${x.id}]${x.afterAsOf ? ' (after as-of)' : ''}\n            ${x.type}: ${x.what}`);
  }
  if (t.undated.length) {
    console.log(`\nNo dated fact in this pack (${t.undated.length}):`);
    for (const u of t.undated) console.log(`  ${u.title} [${u.id}]`);
  }
  return 0;
}
