/**
 * "Copy … (Markdown)" and "Copy … (plain text)" for a memo block the background wrote (claim
 * check, timeline range), with the outcome said in a live region.
 */
import { useState } from 'preact/hooks';
import type { CopyFn } from './CitationCopy';

export interface CopyMemoRowProps {
  memo: { markdown: string; plain: string };
  copy: CopyFn;
  /** What is copied, in the button labels and the status ("memo", "range"). */
  noun: string;
  /** Prefix of the buttons' data-ol hooks ("memo" → data-ol="memo-md", "memo-plain"). */
  hook: string;
}

export function CopyMemoRow({ memo, copy, noun, hook }: CopyMemoRowProps) {
  const [status, setStatus] = useState('');
  const copyAs = async (text: string, what: string) => {
    const out = await copy(text);
    setStatus(typeof out === 'object' ? out.blocked : out ? `${noun[0]!.toUpperCase()}${noun.slice(1)} copied as ${what}` : 'Copy failed');
  };
  return (
    <div class="ol-row-wrap">
      <button type="button" class="ol-btn ol-btn--ghost" data-ol={`${hook}-md`} onClick={() => void copyAs(memo.markdown, 'Markdown')}>
        Copy {noun} (Markdown)
      </button>
      <button type="button" class="ol-btn ol-btn--ghost" data-ol={`${hook}-plain`} onClick={() => void copyAs(memo.plain, 'plain text')}>
        Copy {noun} (plain text)
      </button>
      <span class="ol-copy-status" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
