import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CITATION_STYLES, formatCitation, type CitationStyleName, type CiteInput } from '../core/format/citation';

/**
 * What a copy did: true only when the clipboard holds our text. `blocked`: the page keeps us off
 * the clipboard, and `offer` is another way to copy (the in-page card offers the side panel).
 */
export type CopyOutcome = boolean | { blocked: string; offer?: { label: string; run: () => Promise<boolean> } };
export type CopyFn = (text: string) => Promise<CopyOutcome>;

export interface CitationCopyProps {
  input: CiteInput;
  defaultStyle: CitationStyleName;
  /** Writes text to the clipboard; resolves true only when it is there. */
  copy: CopyFn;
  idPrefix: string;
  /** The card's action row: no preview until a copy fails (the citation is shown above it). */
  compact?: boolean;
  /** More buttons for the same row (the card's "Open full entry"). */
  children?: ComponentChildren;
}

/** A style picker, a preview of the citation, and a copy button with a polite status. */
export function CitationCopy({ input, defaultStyle, copy, idPrefix, compact, children }: CitationCopyProps) {
  const [style, setStyle] = useState<CitationStyleName>(defaultStyle);
  const [status, setStatus] = useState('');
  const [offer, setOffer] = useState<{ label: string; run: () => Promise<boolean> } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => setStyle(defaultStyle), [defaultStyle]);
  const text = formatCitation(style, input);
  const selectId = `${idPrefix}-cite-style`;
  return (
    <div class="ol-copy">
      <label class="ol-sr" for={selectId}>
        Citation style
      </label>
      <select
        id={selectId}
        value={style}
        onChange={(e) => {
          setStyle((e.currentTarget as HTMLSelectElement).value as CitationStyleName);
          setStatus('');
          setOffer(null);
        }}
      >
        {CITATION_STYLES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="ol-btn"
        data-ol="copy"
        title={text}
        onClick={async () => {
          const out = await copy(text);
          setFailed(out !== true);
          if (typeof out === 'object') {
            setStatus(out.blocked);
            setOffer(out.offer ?? null);
          } else {
            setStatus(out ? 'Copied' : 'Copy failed: select the text below');
            setOffer(null);
          }
        }}
      >
        Copy citation
      </button>
      {children}
      {offer ? (
        <button
          type="button"
          class="ol-btn"
          data-ol="copy-elsewhere"
          onClick={async () => {
            const opened = await offer.run();
            setStatus(opened ? 'Opened in the side panel: copy it there.' : 'The side panel did not open: select the text below.');
          }}
        >
          {offer.label}
        </button>
      ) : null}
      <span class="ol-copy-status" role="status" aria-live="polite">
        {status}
      </span>
      {!compact || failed ? (
        <div class="ol-copy-preview" data-ol="cite-preview">
          {text}
        </div>
      ) : null}
    </div>
  );
}
