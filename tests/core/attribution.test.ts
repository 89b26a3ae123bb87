/**
 * Who is speaking is not what a sentence is about: the speaker's name and rank are left out of a
 * passage's words, their place and every word of the claim stay.
 */
import { describe, expect, it } from 'vitest';
import { attributionTokens } from '../../core/search/stages/attribution';
import { parseQuery } from '../../core/search/stages/parse';
import { normalize } from '../../core/text/normalize';
import { tokenize } from '../../core/text/tokenize';

const speaker = (src: string) => {
  const n = normalize(src);
  const tokens = tokenize(n.text, 500);
  return [...attributionTokens(tokens, n.text, src, n)].map((t) => t.surface);
};

describe('the speaker of a sentence', () => {
  it.each([
    ['Harbor Police Chief Dana Ruiz says that following agents is lawful.', ['ruiz', 'dana', 'chief', 'police', 'harbor']],
    ['Ramsey County Sheriff Lee Park said the jail does not hold people past release.', ['park', 'lee', 'sheriff']],
    ['Agencies send thousands of requests each year, said Ortega, who teaches law.', ['ortega']],
    ['According to Mayor Ann Cho, the order covers city ramps.', ['cho', 'ann', 'mayor']],
    ['The council said the ordinance covers every department.', []],
    ['Officers said they would follow the policy on detainers.', []],
    ['The jail holds no one past release. Deputies said so on Monday.', []],
    ['The policy says officers may not ask about status.', []],
  ])('%s → %j', (src, words) => {
    expect(speaker(src)).toEqual(words);
  });

  it('is left out of a passage, not of a short selection', () => {
    expect(parseQuery('Harbor Police Chief Dana Ruiz says that following federal agents is not unlawful.').words.map((t) => t.surface)).not.toContain('ruiz');
    expect(parseQuery('Dana Ruiz said').words.map((t) => t.surface)).toContain('ruiz');
  });
});
