/**
 * English stemmer: the Porter2 (Snowball English) algorithm, with one change for legal text:
 * step 4 keeps "-er", so agent nouns stay apart from what they do ("officer" ≠ "office",
 * "detainer" ≠ "detain", "employer" ≠ "employ", "owner" ≠ "own").
 *
 * Inflections and most derivations meet: staged/staging/stage → "stage", agencies/agency →
 * "agenc", enforcement/enforced/enforcing → "enforc", deported/deportation → "deport",
 * immigration/immigrants → "immigr", cooperation/cooperating → "cooper".
 * Words with digits are left alone (citations, "287g").
 */

const EXCEPTIONS: Record<string, string> = {
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
  sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
};
const INVARIANT_AFTER_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

const isV = (c: string | undefined) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const LI_END = 'cdeghkmnrt';

function regions(w: string): [number, number] {
  let r1 = w.length;
  const m = /^(gener|commun|arsen)/.exec(w);
  if (m) r1 = m[0].length;
  else {
    for (let i = 1; i < w.length; i++) {
      if (!isV(w[i]) && isV(w[i - 1])) {
        r1 = i + 1;
        break;
      }
    }
  }
  let r2 = w.length;
  for (let i = r1 + 1; i < w.length; i++) {
    if (!isV(w[i]) && isV(w[i - 1])) {
      r2 = i + 1;
      break;
    }
  }
  return [r1, r2];
}

/** Ends in a short syllable: non-vowel, vowel, non-vowel (not w, x, Y); or vowel, non-vowel at the start. */
function endsShort(w: string): boolean {
  const n = w.length;
  if (n === 2) return isV(w[0]) && !isV(w[1]);
  if (n < 3) return false;
  const a = w[n - 3];
  const b = w[n - 2];
  const c = w[n - 1]!;
  return !isV(a) && isV(b) && !isV(c) && c !== 'w' && c !== 'x' && c !== 'Y';
}

const STEP2: [string, string][] = [
  ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'], ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'],
  ['entli', 'ent'], ['ation', 'ate'], ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'], ['enci', 'ence'], ['anci', 'ance'],
  ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'], ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', ''],
];
const STEP3: [string, string][] = [['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', '']];
// Porter2's step 4 list without "er".
const STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion', 'al', 'ic'];

const cache = new Map<string, string>();

export function porterStem(input: string): string {
  // The memo first: it only holds words that passed the checks below (a regex test cost more).
  const hit = cache.get(input);
  if (hit !== undefined) return hit;
  if (input.length <= 2 || /[^a-z']/.test(input)) return input;
  const out = stemUncached(input);
  if (cache.size > 50000) cache.clear();
  cache.set(input, out);
  return out;
}

function stemUncached(input: string): string {
  let w = input.replace(/^'+/, '');
  if (w.length <= 2) return w;
  // Own keys only: "constructor", "toString" … are Object.prototype's, not exceptions.
  const ex = Object.hasOwn(EXCEPTIONS, w) ? EXCEPTIONS[w] : undefined;
  if (ex) return ex;
  // y as a consonant: initial y, or y after a vowel.
  if (w[0] === 'y') w = 'Y' + w.slice(1);
  w = w.replace(/([aeiouy])y/g, '$1Y');
  let [r1, r2] = regions(w);

  // Step 0: possessives.
  if (w.endsWith("'s'")) w = w.slice(0, -3);
  else if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);

  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ied') || w.endsWith('ies')) w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  else if (w.endsWith('us') || w.endsWith('ss')) {
    /* keep */
  } else if (w.endsWith('s')) {
    const before = w.slice(0, -2);
    if (/[aeiouy]/.test(before)) w = w.slice(0, -1);
  }
  if (INVARIANT_AFTER_1A.has(w)) return w;

  // Step 1b: -ed, -ing.
  const s1b = /(eedly|eed)$/.exec(w);
  if (s1b) {
    if (s1b.index >= r1) w = w.slice(0, s1b.index) + 'ee';
  } else {
    const m = /(ingly|edly|ing|ed)$/.exec(w);
    if (m && /[aeiouy]/.test(w.slice(0, m.index))) {
      w = w.slice(0, m.index);
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (DOUBLES.has(w.slice(-2))) w = w.slice(0, -1);
      else if (r1 >= w.length && endsShort(w)) w += 'e';
    }
  }

  // Step 1c: y → i after a non-vowel that is not the first letter.
  if (w.length > 2 && (w.endsWith('y') || w.endsWith('Y')) && !isV(w[w.length - 2])) w = w.slice(0, -1) + 'i';

  // Step 2.
  for (const [suf, rep] of STEP2) {
    if (!w.endsWith(suf)) continue;
    const at = w.length - suf.length;
    if (at >= r1) {
      if (suf === 'ogi') {
        if (w[at - 1] === 'l') w = w.slice(0, at) + rep;
      } else if (suf === 'li') {
        if (LI_END.includes(w[at - 1] ?? '-')) w = w.slice(0, at);
      } else w = w.slice(0, at) + rep;
    }
    break;
  }

  // Step 3.
  for (const [suf, rep] of STEP3) {
    if (!w.endsWith(suf)) continue;
    const at = w.length - suf.length;
    if (at >= r1 && (suf !== 'ative' || at >= r2)) w = w.slice(0, at) + rep;
    break;
  }

  // Step 4.
  for (const suf of STEP4) {
    if (!w.endsWith(suf)) continue;
    const at = w.length - suf.length;
    if (at >= r2) {
      if (suf === 'ion') {
        if (w[at - 1] === 's' || w[at - 1] === 't') w = w.slice(0, at);
      } else w = w.slice(0, at);
    }
    break;
  }

  // Step 5.
  [r1, r2] = [Math.min(r1, w.length), Math.min(r2, w.length)];
  if (w.endsWith('e')) {
    const at = w.length - 1;
    if (at >= r2 || (at >= r1 && !endsShort(w.slice(0, -1)))) w = w.slice(0, -1);
  } else if (w.endsWith('ll') && w.length - 1 >= r2) w = w.slice(0, -1);

  return w.replace(/Y/g, 'y');
}
