/** Table tests: how claim check reads permission, prohibition, limits and double negation. */
import { describe, expect, it } from 'vitest';
import { opposes, readModality, type Polarity } from '../../../core/claims/index';

const table: [string, Polarity, boolean?][] = [
  // plain permission and its negation
  ['Police may ask about immigration status.', 'permit'],
  ['Police may not ask about immigration status.', 'forbid'],
  ['Officers shall not detain anyone for a civil immigration violation.', 'forbid'],
  ['Officers cannot interfere with ICE operations.', 'forbid'],
  ["Officers can't close streets for ICE.", 'forbid'],
  ['MPD can still work with the FBI on drug cases.', 'permit'],
  ['The ordinance prohibits city employees from helping ICE.', 'forbid'],
  ['City departments are barred from entering 287(g) agreements.', 'forbid'],
  ['The order bans staging on city lots.', 'forbid'],
  ['The policy allows officers to respond to emergencies.', 'permit'],
  ['Following federal agents is lawful.', 'permit'],
  // the first cue governs the sentence
  ['Residents may record video as long as they do not interfere.', 'permit'],
  ['MPD does not take part in immigration enforcement, but may respond to emergencies.', 'forbid'],
  // double negation reads as permission
  ['Nothing in this chapter shall prohibit officers from assisting federal investigations.', 'permit'],
  ['The chapter does not stop police from helping federal agents investigate crime.', 'permit'],
  ["Following federal agents is not unlawful unless you commit another offense.", 'permit', true],
  ['Limited collaboration in criminal investigations remains allowed.', 'permit'],
  // a bar on bars protects what they would bar: permission, not a carve-out
  ['8 U.S.C. § 1373 bars governments from prohibiting their officials from sharing status information.', 'permit'],
  ['No state or local entity may prohibit or restrict another from sending status information to ICE.', 'permit'],
  ['Section 1373 bars local rules restricting the sharing of status information.', 'permit'],
  ['The ordinance bars officers from sharing status information.', 'forbid'],
  // "neither … nor" with a rule word
  ['The federal government may neither direct states nor command their officers.', 'forbid'],
  ['Holding someone on a detainer is an arrest that neither state nor federal law authorizes.', 'forbid'],
  // "only" limits a permission
  ['MPD policy only allows officers to question status in trafficking cases.', 'limited'],
  ['Staff may ask about status only when a law requires it.', 'limited'],
  ['Officers may not detain anyone only for a civil violation.', 'forbid'],
  // exceptions are noticed but do not flip the reading
  ['Officers will not ask about status, except where status is an element of the crime.', 'forbid', true],
  ['Officers may not close streets unless there is an immediate threat to life.', 'forbid', true],
  // obligations and descriptions
  ['Departments must post signs on city lots.', 'require'],
  ['The Council voted 13-0 on December 11.', 'neutral'],
  ['Operation Metro Surge deployed thousands of agents.', 'neutral'],
  // more ways of saying it
  ['The policy bars officers from asking about status.', 'forbid'],
  ['Officers are not allowed to ask about status.', 'forbid'],
  ['City staff cannot share data with ICE unless a court orders it.', 'forbid', true],
  ['Police are free to ask about status.', 'permit'],
  ['The chapter does not prevent officers from helping the FBI.', 'permit'],
  ['Officers may ask about status only if a law requires it.', 'limited'],
  // nouns are not permissions
  ['ICE used park lots without a permit.', 'neutral'],
];

describe('readModality', () => {
  it.each(table)('%s → %s', (text, polarity, qualified) => {
    const m = readModality(text);
    expect(m.polarity).toBe(polarity);
    if (qualified !== undefined) expect(m.qualified).toBe(qualified);
  });

  it('marks rule words as deontic and reporting verbs as not', () => {
    expect(readModality('Police may ask about status.').deontic).toBe(true);
    expect(readModality('Officers are prohibited from assisting ICE.').deontic).toBe(true);
    expect(readModality('The judge authorizes a $200,000 settlement.').deontic).toBe(false);
    expect(readModality('MPD does not work with federal agents.').deontic).toBe(false);
  });

  it('reads a question as asking, not stating, what is allowed', () => {
    expect(readModality('Can police ask about immigration status?').deontic).toBe(false);
    expect(readModality('The county asked whether it can lawfully hold people on detainers.').deontic).toBe(false);
    expect(readModality('Police may help, whether or not the person is a citizen.').deontic).toBe(true);
    expect(readModality('Can police ask about immigration status?').polarity).toBe('permit');
  });
});

describe('carve-outs', () => {
  it('marks a rule that does not reach a case as a carve-out, and a plain rule as not', () => {
    expect(readModality('Nothing in the chapter stops police from helping federal agents investigate crime.').carveOut).toBe(true);
    expect(readModality('The section does not prevent officers from assisting the FBI.').carveOut).toBe(true);
    expect(readModality('Police may help federal agents investigate crime.').carveOut).toBeFalsy();
    expect(readModality('Police may not ask about status.').carveOut).toBeFalsy();
    expect(readModality('No local entity may restrict officials from sharing status information.').carveOut).toBeFalsy();
  });
});

describe('opposes', () => {
  it('sets permission against prohibition only', () => {
    expect(opposes('permit', 'forbid')).toBe(true);
    expect(opposes('forbid', 'permit')).toBe(true);
    expect(opposes('permit', 'limited')).toBe(false);
    expect(opposes('forbid', 'forbid')).toBe(false);
    expect(opposes('neutral', 'forbid')).toBe(false);
    expect(opposes('require', 'forbid')).toBe(false);
  });
});
