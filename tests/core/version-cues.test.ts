/**
 * Which version of a law a selection means: "the updated ordinance" is the amendment, "as first
 * enacted" the law it amends; "the Tenth Amendment" is no cue.
 * A twin pack (two entries with the same words) makes the cue the only thing that can decide.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, lookup } from '../../core/search/index';
import { versionCue } from '../../core/search/stages/version-cues';
import type { Entry } from '../../core/schema/pack';

function entry(id: string, kind: Entry['kind'], date: string): Entry {
  return {
    id, kind, jurisdiction: 'Springfield', title: 'Harbor lighting rules', aliases: [], summary: 'Lighting of the harbor piers at night by the port authority, as enacted and strengthened over the years.',
    points: [{ text: 'Piers are lit from dusk to dawn by the port authority.', confidence: 'primary', sources: ['s1'] }], exceptions: [],
    dates: [{ date, type: 'adopted', what: 'Adopted.', confidence: 'primary', sources: ['s1'] }],
    status: 'in-force', sources: [{ id: 's1', url: 'https://example.org', publisher: 'x', type: 'primary' }], related: [], openQuestions: [], keywords: [],
  } as Entry;
}

// Without a cue, a tie goes to the entry that comes first in the pack: each case is asked of
// the pack where the other entry comes first, so only the cue can make it right.
const base = entry('base', 'ordinance', '2003-05-01');
const amendment = entry('amendment', 'amendment', '2025-12-11');
const baseFirst = buildIndex([base, amendment]);
const amendmentFirst = buildIndex([amendment, base]);
const first = (q: string, id: string) => lookup(id === 'base' ? amendmentFirst : baseFirst, q).results[0]?.id;

describe('version cues in the selection', () => {
  it.each([
    ['The updated harbor lighting rules keep the piers lit at night.', 'amendment'],
    ['The port authority amended the harbor lighting rules for the piers.', 'amendment'],
    ['The harbor lighting rules, strengthened this year, keep the piers lit.', 'amendment'],
    ['The harbor lighting rules were first enacted to keep the piers lit at night.', 'base'],
  ])('%s → %s', (q, id) => {
    expect(first(q, id)).toBe(id);
  });

  it('without a cue, leaves the tie as it was', () => {
    expect(lookup(baseFirst, 'The harbor lighting rules keep the piers lit at night.').results[0]?.id).toBe('base');
    expect(lookup(amendmentFirst, 'The harbor lighting rules keep the piers lit at night.').results[0]?.id).toBe('amendment');
  });

  it('takes no cue from "amendment" as a noun or from a year', () => {
    expect(versionCue('the tenth amendment bars commandeering')).toEqual({ amended: false, original: false });
    expect(versionCue('frey, first elected in 2017, signed an order')).toEqual({ amended: false, original: false });
    expect(versionCue('the amended ordinance, as first enacted')).toEqual({ amended: true, original: true });
  });
});
