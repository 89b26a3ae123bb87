/**
 * `lens timeline <pack-id> [--since DATE] [--until DATE] [--jurisdiction NAME] [--kind KIND] [--json]`:
 * every dated fact of a bundled pack in date order (partial dates first in their period), with
 * the entries that have no dated fact listed apart. With --json, an array of
 * {"date", "id", "what", "confidence"}: the dated items in order, then the undated entries with
 * "date": null.
 */
import { buildPackTimeline, isFilterDate } from '../../core/timeline/pack';
import { orReport } from '../lib/or-report';
import type { EntryKind } from '../../core/schema/pack';
import { loadBundledPacks } from '../lib/bundled-packs';
import type { Command } from './types';

export const command: Command = {
  usage: 'lens timeline <pack-id> [--since DATE] [--until DATE] [--jurisdiction NAME] [--kind KIND] [--json]',
  async run(args) {
    let json = false;
    let since: string | undefined;
    let until: string | undefined;
    const jurisdictions: string[] = [];
    const kinds: EntryKind[] = [];
    let packId: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--since') since = args[++i];
      else if (a === '--until') until = args[++i];
      else if (a === '--jurisdiction') jurisdictions.push(args[++i] ?? '');
      else if (a === '--kind') kinds.push((args[++i] ?? '') as EntryKind);
      else if (!packId) packId = a;
      else {
        console.error(`usage: ${this.usage}`);
        return 2;
      }
    }
    for (const [name, d] of [['--since', since], ['--until', until]] as const) {
      if (d !== undefined && !isFilterDate(d)) {
        console.error(`lens timeline: ${name} expects a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${d}")`);
        return 2;
      }
    }
    if (!packId) {
      console.error(`usage: ${this.usage}`);
      return 2;
    }
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
  },
};
