/**
 * Two pure helpers of "Explain this page": the page's rule sentences about each marked law (for
 * the claim check), and the sites of "always explain pages here" (host names and their patterns).
 */
import { describe, expect, it } from 'vitest';
import { claimSentences, CLAIMS_PER_ENTRY } from '../../core/scan/claim-sentences';
import { parseSiteInput, siteOf, siteOfPattern, sitePattern } from '../../core/scan/site';

/** Marks at every occurrence of `word` in `text`, for entry `id`. */
function marksOf(text: string, word: string, id: string) {
  const out: { start: number; end: number; id: string }[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push({ start: i, end: i + word.length, id });
  return out;
}

describe('claim sentences around marks', () => {
  it('keeps the sentence of a mention that reads as a rule, and drops one that only reports', () => {
    const text = 'The Council met on Tuesday to discuss the separation ordinance at length. Under the separation ordinance, officers may not ask about immigration status. Residents came.';
    expect(claimSentences(text, marksOf(text, 'separation ordinance', 'sep'))).toEqual({
      sep: ['Under the separation ordinance, officers may not ask about immigration status.'],
    });
  });

  it('never crosses a block (line break) and never offers a fragment', () => {
    const text = 'Heading about Chapter 19\nChapter 19 bars city staff from enforcing federal immigration law.';
    expect(claimSentences(text, marksOf(text, 'Chapter 19', 'c19'))).toEqual({ c19: ['Chapter 19 bars city staff from enforcing federal immigration law.'] });
    const long = `${'word '.repeat(400)}Chapter 19 bars staff from asking ${'more '.repeat(400)}`;
    expect(claimSentences(long, marksOf(long, 'Chapter 19', 'c19'))).toEqual({});
  });

  it('lists a sentence once per entry, at most a few per entry, in page order', () => {
    const s = (n: number) => `Rule ${n}: under section 19.30 police must not hold anyone for ICE number ${n}.`;
    const text = [1, 1, 2, 3, 4, 5].map(s).join(' ');
    const got = claimSentences(text, marksOf(text, 'section 19.30', 'x')).x!;
    expect(got).toHaveLength(CLAIMS_PER_ENTRY);
    expect(got[0]).toBe(s(1));
    expect(got[1]).toBe(s(2));
  });

  it('gives each entry its own sentences when one sentence names two laws', () => {
    const text = 'The executive order and Chapter 19 both say officers shall not detain anyone on a civil detainer.';
    const marks = [...marksOf(text, 'executive order', 'eo'), ...marksOf(text, 'Chapter 19', 'c19')].sort((a, b) => a.start - b.start);
    const got = claimSentences(text, marks);
    expect(got.eo).toEqual([text]);
    expect(got.c19).toEqual([text]);
  });
});

describe('sites for "always explain pages here"', () => {
  it('takes the host of an http(s) page and nothing else', () => {
    expect(siteOf('https://www.startribune.com/story/1?x=2#y')).toBe('www.startribune.com');
    expect(siteOf('http://127.0.0.1:4000/a')).toBe('127.0.0.1');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('file:///home/a.html')).toBeNull();
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });
  it('asks for one site, never a wildcard', () => {
    expect(sitePattern('www.example.com')).toBe('*://www.example.com/*');
    expect(siteOfPattern('*://www.example.com/*')).toBe('www.example.com');
    expect(siteOfPattern('https://example.com/*')).toBe('example.com');
    expect(siteOfPattern('*://*/*')).toBeNull();
    expect(siteOfPattern('*://*.example.com/*')).toBeNull();
    expect(siteOfPattern('<all_urls>')).toBeNull();
  });
  it('reads what a reader types in settings', () => {
    expect(parseSiteInput(' https://www.Example.com/page ')).toBe('www.example.com');
    expect(parseSiteInput('minneapolismn.gov')).toBe('minneapolismn.gov');
    expect(parseSiteInput('*.example.com')).toBeNull();
    expect(parseSiteInput('')).toBeNull();
  });
});
