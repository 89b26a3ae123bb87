/** "Check a passage": pasted text, checked claim by claim and looked up as a passage. */
import { useState } from 'preact/hooks';
import { ClaimCheckPanel } from '../ClaimCheck';
import { LookupAnswer } from '../LookupAnswer';
import { askBackground, failedLookupView, type EntryView, type LookupView } from '../../lib/messages';
import type { CitationStyle } from '../../lib/storage/settings';
import type { CopyFn } from '../CitationCopy';

export interface PassageState {
  passage: string;
  setPassage: (text: string) => void;
  /** The text last checked, and its answer. */
  checked: string;
  answer: LookupView | null;
  opened: EntryView | null;
  /** Opens one entry of the answer in full (a failure replaces the answer with a plain error). */
  open: (id: string) => void;
  check: (text: string) => Promise<void>;
}

export function usePassage(initialPassage: string): PassageState {
  const [passage, setPassage] = useState(initialPassage);
  const [checked, setChecked] = useState('');
  const [answer, setAnswer] = useState<LookupView | null>(null);
  const [opened, setOpened] = useState<EntryView | null>(null);
  async function check(text: string) {
    if (!text.trim()) return;
    const v = await askBackground('lookup', { text, source: 'passage', limit: 8, record: true }).catch(() => failedLookupView(text));
    setChecked(text);
    setAnswer(v);
    setOpened(null);
    if (!performance.getEntriesByName('ol-first-results').length) performance.mark('ol-first-results');
  }
  const open = (id: string) => void askBackground('entry', { id }).then((v) => v && setOpened(v), () => setAnswer(failedLookupView(checked)));
  return { passage, setPassage, checked, answer, opened, open, check };
}

export interface PassageTabProps {
  state: PassageState;
  style: CitationStyle;
  copy: CopyFn;
  onOpen: (id: string) => void;
}

export function PassageTab({ state, style, copy, onOpen }: PassageTabProps) {
  const { passage, setPassage, checked, answer, opened, open, check } = state;
  return (
    <section id="ol-panel-passage" role="tabpanel" aria-labelledby="ol-tab-passage" class="ol-entry">
      <div class="ol-field">
        <label for="ol-passage">Paste text to check</label>
        <textarea
          id="ol-passage"
          class="ol-textarea"
          value={passage}
          maxLength={20000}
          onInput={(e) => setPassage((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void check(passage);
          }}
        />
      </div>
      <div class="ol-row">
        <button type="button" class="ol-btn" onClick={() => void check(passage)} data-ol="check">
          Check
        </button>
        <span class="ol-muted">Ctrl+Enter also checks.</span>
      </div>
      {answer ? (
        <>
          <ClaimCheckPanel text={checked} copy={copy} onOpen={onOpen} idPrefix="olpc" />
          <LookupAnswer
            view={answer}
            opened={opened}
            citationStyle={style}
            copy={copy}
            onOpen={open}
            mode="detail"
            idPrefix="olp"
          />
        </>
      ) : null}
    </section>
  );
}
