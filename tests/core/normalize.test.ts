import { describe, expect, it } from 'vitest';
import { normalize, originalSpan } from '../../core/text/normalize';
import { stem, tokenize } from '../../core/text/tokenize';

describe('normalize', () => {
  it.each([
    ['Matrícula', 'matricula'],
    ['“Sanctuary” city’s', '"sanctuary" city\'s'],
    ['2025–02', '2025-02'],
    ['ﬁle', 'file'],
    ['ＭＣＯ 19.20', 'mco 19.20'],
  ])('turns %s into %s', (input, out) => {
    expect(normalize(input).text).toBe(out);
  });
  it('maps normalized spans back to the original text', () => {
    const src = 'Die ﬁle über Matrícula';
    const n = normalize(src);
    const at = n.text.indexOf('matricula');
    expect(originalSpan(src, n, at, at + 'matricula'.length)).toBe('Matrícula');
    const f = n.text.indexOf('file');
    expect(originalSpan(src, n, f, f + 4)).toBe('ﬁle');
  });
  it('replaces lone surrogates with spaces', () => {
    expect(normalize('a\ud800b').text).toBe('a b');
  });
});

describe('stemming and tokens', () => {
  it.each(['constructor', 'tostring', 'valueof', 'hasownproperty', '__proto__', 'prototype'])('"%s" (an Object.prototype name) stems to a string', (w) => {
    const out = stem(w);
    expect(typeof out).toBe('string');
    expect(out.length).toBeGreaterThan(0);
  });
  it('"constructor" and "constructors" share a stem; tokenize keeps it', () => {
    expect(stem('constructors')).toBe(stem('constructor'));
    expect(tokenize('the constructor of the ordinance').map((t) => t.term)).toContain(stem('constructor'));
  });

  it.each([
    ['staged', 'staging'],
    ['detainers', 'detainer'],
    ['agencies', 'agency'],
    ['arrested', 'arrests'],
    ['stage', 'staging'],
    ['enforcement', 'enforcing'],
    ['deportation', 'deported'],
    ['immigrants', 'immigration'],
    ['cooperating', 'cooperation'],
    ['policies', 'policy'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
  it.each([
    ['officer', 'office'],
    ['detainer', 'detain'],
    ['employer', 'employ'],
    ['police', 'policy'],
    ['general', 'generate'],
  ])('%s and %s keep apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
  it('leaves words with digits alone', () => {
    expect(stem('287g')).toBe('287g');
    expect(stem('i-247')).toBe('i-247');
  });
  it('reads "287(g)" also as 287g', () => {
    expect(tokenize('287(g) agreement').map((t) => t.term)).toContain('287g');
  });
  it('splits hyphenated words and joins U.S.C.', () => {
    const terms = tokenize('anti-commandeering u.s.c.').map((t) => t.surface);
    expect(terms).toEqual(expect.arrayContaining(['anti-commandeering', 'anti', 'commandeering', 'usc']));
  });
});
