/** Table tests: a selection split into the claims it makes (sentences, clauses, lists kept whole). */
import { describe, expect, it } from 'vitest';
import { splitClaims } from '../../../core/claims/index';

const texts = (s: string) => splitClaims(s).map((c) => c.text);

describe('splitClaims', () => {
  it('splits sentences but not at abbreviations, initials or dates', () => {
    expect(texts('The U.S. Attorney General published a list on Aug. 5, 2025. Minnesota was on it.')).toEqual([
      'The U.S. Attorney General published a list on Aug. 5, 2025.',
      'Minnesota was on it.',
    ]);
    expect(texts('Judge Katherine M. Menendez issued the order. The Eighth Circuit stayed it.')).toHaveLength(2);
  });

  it('splits clauses at semicolons, "but" and "while"', () => {
    expect(texts('Officers cannot interfere with ICE operations; they may respond to emergencies.')).toEqual([
      'Officers cannot interfere with ICE operations',
      'they may respond to emergencies.',
    ]);
    expect(texts('MPD officers cannot interfere with ICE operations but may respond to emergency situations.')).toEqual([
      'MPD officers cannot interfere with ICE operations',
      'may respond to emergency situations.',
    ]);
    expect(texts('The ordinance limits police cooperation with ICE, while preserving narrow channels for criminal investigations.')).toHaveLength(2);
  });

  it('splits "and" before a new verb, never inside a list', () => {
    expect(texts('The policy prevents ICE from staging on City lots and bars city employees from assisting ICE.')).toEqual([
      'The policy prevents ICE from staging on City lots',
      'bars city employees from assisting ICE.',
    ]);
    expect(texts('MPD can still work with the FBI or ATF on drug trafficking, human trafficking and gang prosecutions.')).toHaveLength(1);
    expect(texts('The revisions cover facilities, equipment, money, data, technology, and city-contracted vendors.')).toHaveLength(1);
    // A verb that is also a plural noun, before a preposition, is the noun.
    expect(texts('Smoking is banned inside restaurants and bars in the District.')).toHaveLength(1);
    expect(texts('The city raised fees and permits for street festivals last spring.')).toHaveLength(1);
  });

  it('keeps "except" and "unless" with the rule they qualify', () => {
    expect(texts('Officers will not ask about status, except where status is an element of the crime.')).toHaveLength(1);
    expect(texts('Officers may not close streets unless there is a clear and immediate threat to life.')).toHaveLength(1);
  });

  it('keeps a short tail with its clause and drops footnote markers', () => {
    expect(texts('Police do not ask about status and never will [1] [2]')).toEqual(['Police do not ask about status and never will']);
  });

  it('ends a claim at a line break before a heading, a list item or a new paragraph', () => {
    expect(texts('Rules for city lots\n\nThe order closes city lots to staging.\n- Officers may not ask about status\n- Limited help in criminal cases remains allowed')).toEqual([
      'Rules for city lots',
      'The order closes city lots to staging.',
      'Officers may not ask about status',
      'Limited help in criminal cases remains allowed',
    ]);
    // A line wrapped inside a sentence (text pasted from a PDF) continues in lower case: one claim.
    expect(texts('Officers may not detain anyone only for a civil\nimmigration violation.')).toHaveLength(1);
  });

  it('splits a second thing barred ("and from …ing") and "and a … verb" into claims of their own', () => {
    expect(texts('Departments are barred from signing agreements with ICE and from using city resources to set perimeters.')).toEqual([
      'Departments are barred from signing agreements with ICE',
      'from using city resources to set perimeters.',
    ]);
    expect(texts('The state opened an inquiry into the mayor, and a federal judge issued limits on crowd control.')).toHaveLength(2);
    expect(texts('The council voted to bar agents from staging on city lots and to limit entry to staff-only rooms.')).toEqual([
      'The council voted to bar agents from staging on city lots',
      'to limit entry to staff-only rooms.',
    ]);
    // A list of things the rule reaches is not a second purpose.
    expect(texts('The rule applies to city lots and to park buildings used for storage.')).toHaveLength(1);
  });

  it('splits ", with <subject> <participle>" (a second claim), not "with the exception of …"', () => {
    expect(texts('The council passed the measure, with two members voting against it.')).toEqual(['The council passed the measure', 'with two members voting against it.']);
    expect(texts('Officers may work with federal agents, with the exception of cases involving status.')).toHaveLength(1);
    expect(texts('The city shares records with the state, with help from the county.')).toHaveLength(1);
    expect(texts('The city shares records with the state, with audits including yearly reviews.')).toHaveLength(1);
  });

  it('splits at "but," with a comma after it', () => {
    expect(texts('Deputies can answer questions from federal agents, but, without a court order, the jail cannot keep anyone past release.')).toEqual([
      'Deputies can answer questions from federal agents',
      'without a court order, the jail cannot keep anyone past release.',
    ]);
  });

  it('splits at a colon only between two sentences, not after a heading or before a list', () => {
    expect(texts('The city wrote its separation policy into the code: the order refuses city lots for staging.')).toEqual([
      'The city wrote its separation policy into the code',
      'the order refuses city lots for staging.',
    ]);
    expect(texts('The county has drawn a firmer line between its jail and federal agents this year: Sheriff Ann Lee signed a policy ending courtesy holds.')).toEqual([
      'The county has drawn a firmer line between its jail and federal agents this year',
      'Sheriff Ann Lee signed a policy ending courtesy holds.',
    ]);
    expect(texts('The board’s answer: an agreement would break state law.')).toHaveLength(1);
    expect(texts('The revised ordinance covers three things: lots, garages and city buildings.')).toHaveLength(1);
  });

  it('drops a trailing dash from a claim cut out of a longer sentence', () => {
    expect(texts('Officers may not ask about status — ; the order closes city lots to staging')[0]).toBe('Officers may not ask about status');
  });

  it('gives offsets into the original text', () => {
    const src = '  Police may ask.  Officers may not detain anyone.\n\n- Staff may not share data:  the order says so plainly.';
    for (const c of splitClaims(src)) expect(src.slice(c.start, c.end)).toBe(c.text);
  });

  it('gives nothing for text without words', () => {
    expect(splitClaims('  … — [1] ')).toEqual([]);
  });
});

describe('splitClaims on run-on text', () => {
  it('cuts a very long sentence at its stops even without capitals', () => {
    const text = 'compost and mulch keep beds moist. '.repeat(40);
    const claims = splitClaims(text);
    expect(claims.length).toBe(40);
    expect(claims[0]!.text).toBe('compost and mulch keep beds moist.');
  });
});
