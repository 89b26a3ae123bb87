/**
 * Claim check: each claim of a selection beside the point or exception of the pack that speaks to
 * it, the words that align (marked), its badge and source, and warnings (opposite, exception,
 * reported only, not in force, older text, nothing in the pack). Evidence side by side, never a
 * verdict: the view says so. Page text is rendered as text nodes only.
 */
import type { ClaimFlag } from '../core/claims/flags';
import type { ClaimCheckView } from '../core/view/types';
import { useBackground } from './use-background';
import { ConfidenceBadge } from './ConfidenceBadge';
import type { CopyFn } from './CitationCopy';
import { CopyMemoRow } from './CopyMemoRow';

/** What each flag means, in the reader's words. */
export const FLAG_LABELS: Record<ClaimFlag, string> = {
  opposite: 'The pack says the opposite',
  exception: 'This is an exception to the rule',
  reported: 'Press reports only',
  'not-in-force': 'Not in force',
  'older-text': 'Describes an older text',
  'no-match': 'Nothing in this pack speaks to this',
};

/** Characters of a claim shown (a run-on selection is cut; the check read all of it). */
const MAX_SHOWN = 300;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The claim with the aligned words marked (text nodes and <mark> only). */
function Marked({ text, words }: { text: string; words: readonly string[] }) {
  const ws = words.filter((w) => w.length > 1);
  if (!ws.length) return <>{text}</>;
  const re = new RegExp(`\\b(${ws.map(escapeRe).sort((a, b) => b.length - a.length).join('|')})\\b`, 'giu');
  const parts = text.split(re);
  return (
    <>
      {parts.map((p, i) => (i % 2 ? <mark key={i}>{p}</mark> : p))}
    </>
  );
}

export interface ClaimCheckProps {
  view: ClaimCheckView;
  copy: CopyFn;
  onOpen?: (id: string) => void;
  idPrefix: string;
}

type Clause = ClaimCheckView['clauses'][number];

/** One claim: its words (aligned ones marked), the point beside it, and the notes on that evidence. */
function ClaimItem({ c, n, info, onOpen }: { c: Clause; n: number; info: ClaimCheckView['entries'][string] | undefined; onOpen: ((id: string) => void) | undefined }) {
  return (
    <li class="ol-claim" data-ol="claim" data-entry={c.entry ?? ''} data-flags={c.flags.join(' ')}>
      <p class="ol-claim-text">
        <span class="ol-kicker">Claim {n}: </span>“<Marked text={c.text.length > MAX_SHOWN ? `${c.text.slice(0, MAX_SHOWN)}…` : c.text} words={c.aligned} />”
      </p>
      {c.match === 'none' || !info ? (
        <p class="ol-empty" data-ol="claim-none">
          Nothing in this pack speaks to this claim.
        </p>
      ) : (
        <div class={`ol-point ol-claim-evidence${c.match === 'exception' ? ' ol-point--exception' : ''}`}>
          <div class="ol-point-head">
            <span class="ol-kicker">{c.match === 'exception' ? 'Exception in' : 'The pack, in'}</span>
            {onOpen ? (
              <button type="button" class="ol-tl-entry" onClick={() => onOpen(c.entry!)} data-ol="claim-entry">
                {info.cite}
              </button>
            ) : (
              <span>{info.cite}</span>
            )}
            {info.pack ? <span class="ol-muted" data-ol="pack">from “{info.pack}” (imported)</span> : null}
            {c.confidence ? <ConfidenceBadge confidence={c.confidence} /> : null}
          </div>
          <p class="ol-point-text" data-ol="claim-matched">
            {c.matched}
          </p>
          {c.source ? (
            <p class="ol-srcs">
              Source:{' '}
              <a href={c.source.url} target="_blank" rel="noopener noreferrer">
                {c.source.publisher}
              </a>
            </p>
          ) : null}
        </div>
      )}
      {c.flags.length && c.match !== 'none' ? (
        <ul class="ol-flags" aria-label="Notes on this evidence">
          {c.flags.map((f) => (
            <li key={f} class={`ol-flag ol-flag--${f}`} data-flag={f}>
              {FLAG_LABELS[f]}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function ClaimCheck({ view, copy, onOpen, idPrefix }: ClaimCheckProps) {
  return (
    <section class="ol-section" aria-labelledby={`${idPrefix}-claims`} data-ol="claims">
      <h3 class="ol-section-title" id={`${idPrefix}-claims`}>
        Claim check
      </h3>
      <p class="ol-claims-note" data-ol="not-a-verdict">
        Evidence side by side, not a true/false verdict: each claim is set beside what this pack says about it. Read the source before
        you rely on it.
      </p>
      {view.clauses.every((c) => c.match === 'none') ? (
        <p class="ol-empty" data-ol="claims-none">
          Nothing in this pack speaks to {view.clauses.length === 1 ? 'this claim' : `any of these ${view.clauses.length} claims`}.
        </p>
      ) : (
        <ol class="ol-claims-list">
          {view.clauses.map((c, i) => (
            <ClaimItem key={`${c.start}-${i}`} c={c} n={i + 1} info={c.entry ? view.entries[c.entry] : undefined} onOpen={onOpen} />
          ))}
        </ol>
      )}
      {view.truncated ? <p class="ol-muted">Only the first part of a long selection was checked.</p> : null}
      <CopyMemoRow memo={view.memo} copy={copy} noun="memo" hook="memo" />
    </section>
  );
}

/** Asks the background to check `text` and shows the result (nothing while it loads). */
export function ClaimCheckPanel({ text, copy, onOpen, idPrefix }: { text: string } & Omit<ClaimCheckProps, 'view'>) {
  const asked = useBackground('check', { text }, [text]);
  if (asked.state === 'failed') return <p class="ol-muted">The claim check could not run; the entry below is still the best match.</p>;
  if (asked.state === 'loading') return <p class="ol-muted" role="status">Checking each claim…</p>;
  const view = asked.value;
  if (!view.clauses.length) return null;
  return <ClaimCheck view={view} copy={copy} {...(onOpen ? { onOpen } : {})} idPrefix={idPrefix} />;
}

/** Is a selection a claim to check (a sentence), rather than a term to look up? */
export function looksLikeClaim(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length >= 6;
}
