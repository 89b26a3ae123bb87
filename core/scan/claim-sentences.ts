/**
 * The sentences of a scanned page that say something about a marked law: for each entry, the
 * first few sentences holding one of its mentions that read as a rule (may, may not, must,
 * bars, requires …; core/claims/modality.ts), so "On this page" can send them to the claim check.
 * A sentence never crosses a block (the visible text's line breaks). Bounded: a few mentions of
 * each entry, and a fixed number in all, are read, each in a window of two sentence lengths, so a
 * 50,000-word page or a pack of 20,000 entries costs about what a short page does.
 */
import { sentenceSpans } from '../claims/split';
import { readModality } from '../claims/modality';

/** Sentences kept for one entry. */
export const CLAIMS_PER_ENTRY = 3;
/** Mentions of one entry read to find them (a law named 200 times is not read 200 times). */
const MENTIONS_READ = 8;
/** Mentions read in all (a page naming 2,000 different entries is not read 2,000 times). */
const READ_IN_ALL = 160;
/** Longer "sentences" are lists or run-on text, not a claim to check. */
const MAX_SENTENCE = 400;
const MIN_WORDS = 5;
/** How far the text is read around a mention: a sentence that holds it and is short enough lies inside. */
const REACH = MAX_SENTENCE;

interface Span {
  start: number;
  end: number;
}

/** The block (line) around `at`, at most REACH characters either side. */
function blockAround(text: string, at: number, end: number): Span {
  const from = Math.max(0, at - REACH);
  const to = Math.min(text.length, end + REACH);
  const nl = text.lastIndexOf('\n', at - 1);
  const next = text.indexOf('\n', end);
  return { start: Math.max(from, nl + 1), end: next < 0 ? to : Math.min(to, next) };
}

/** The sentence of `block` that holds offset `at`, trimmed, or null when it is not one to check. */
function sentenceAt(text: string, block: Span, spans: [number, number][], at: number): Span | null {
  const hit = spans.find(([a, b]) => block.start + a <= at && at < block.start + b);
  if (!hit) return null;
  let s = block.start + hit[0];
  let e = block.start + hit[1];
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  // A sentence cut by the reach limit is a fragment: do not offer it as a claim.
  const cut = (s === block.start && block.start > 0 && text[block.start - 1] !== '\n') || (e === block.end && block.end < text.length && text[block.end] !== '\n');
  if (cut || e - s > MAX_SENTENCE) return null;
  return { start: s, end: e };
}

function isClaim(sentence: string): boolean {
  return (sentence.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_WORDS && readModality(sentence).polarity !== 'neutral';
}

/**
 * For each entry id, up to CLAIMS_PER_ENTRY distinct rule sentences around its mentions, in page
 * order. `marks` are the scanner's matches (offsets into `text`), in page order.
 */
export function claimSentences(text: string, marks: readonly { start: number; end: number; id: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const read = new Map<string, number>();
  let readInAll = 0;
  for (const m of marks) {
    if (readInAll >= READ_IN_ALL) break;
    const got = (out[m.id] ??= []);
    const n = read.get(m.id) ?? 0;
    if (got.length >= CLAIMS_PER_ENTRY || n >= MENTIONS_READ) continue;
    read.set(m.id, n + 1);
    readInAll++;
    const block = blockAround(text, m.start, m.end);
    const s = sentenceAt(text, block, sentenceSpans(text.slice(block.start, block.end)), m.start);
    if (!s) continue;
    const sentence = text.slice(s.start, s.end).replace(/\s+/g, ' ');
    if (!got.includes(sentence) && isClaim(sentence)) got.push(sentence);
  }
  for (const id of Object.keys(out)) if (!out[id]!.length) delete out[id];
  return out;
}
