import { useEffect, useState } from 'preact/hooks';
import { CITATION_STYLES, formatCitation, type CitationStyleName, type CiteInput } from '../core/format/citation';

export interface CitationCopyProps {
  input: CiteInput;
  defaultStyle: CitationStyleName;
  /** Writes text to the clipboard; resolves true on success. */
  copy: (text: string) => Promise<boolean>;
  idPrefix: string;
}

/** A style picker, a preview of the citation, and a copy button with a polite status. */
export function CitationCopy({ input, defaultStyle, copy, idPrefix }: CitationCopyProps) {
  const [style, setStyle] = useState<CitationStyleName>(defaultStyle);
  const [status, setStatus] = useState('');
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
        onClick={async () => {
          const ok = await copy(text);
          setStatus(ok ? 'Copied' : 'Copy failed: select the text below');
        }}
      >
        Copy citation
      </button>
      <span class="ol-copy-status" role="status" aria-live="polite">
        {status}
      </span>
      <div class="ol-copy-preview" data-ol="cite-preview">
        {text}
      </div>
    </div>
  );
}
