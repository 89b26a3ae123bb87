/**
 * The side panel (Chrome) / sidebar (Firefox): the same search UI as the popup, opened with the
 * reader's selection when no card could be shown (PDF viewer, browser pages, the extension
 * store, refused injection, card turned off). A short selection goes into the search box; a
 * passage goes into "check a passage".
 */
import { watchStorage } from '../../lib/extension-pages';
import { SESSION_KEYS } from '../../lib/storage/keys';
import { askBackground, type PendingLookup } from '../../lib/messages';
import { mountPage } from './page';
import { SearchApp } from './SearchApp';
import { OnThisPage } from '../OnThisPage';

const REASONS: Record<string, string> = {
  pdf: 'Cards cannot appear in the PDF viewer, so your lookup opened here.',
  restricted: 'Cards cannot appear on browser pages or extension stores, so your lookup opened here.',
  'injection-failed': 'This page did not let the card in, so your lookup opened here.',
  'card-unreachable': 'This page did not let the card in, so your lookup opened here.',
  'card-refused': 'This page did not let the card in, so your lookup opened here.',
  'card-off': 'The card is turned off for this site (see Settings), so your lookup opened here.',
  'no-tab': 'Your lookup opened here.',
  'page-loading': 'The page was still loading and did not let the card in, so your lookup opened here.',
  'not-html': 'Cards appear only on web pages (this document is not HTML), so your lookup opened here.',
  'frame-too-small': 'The text is in a frame too small for the card, so your lookup opened here.',
  'card-removed': 'This page removed the card, so your lookup opened here.',
  error: 'The card could not open on this page, so your lookup opened here.',
  'copy-blocked': 'The page blocks copying, so your lookup opened here: copy the citation below.',
};

export function isPassage(text: string): boolean {
  return text.length > 120 || /[.!?;]\s+\S/.test(text.trim()) || text.includes('\n');
}

export function startSidePanel(): void {
  let n = 0;
  // A sentence from "On this page" goes to the claim check ("Check a passage") at once.
  const check = (sentence: string) => show(null, sentence);
  const show = (p: PendingLookup | null, claim?: string) => {
    const text = claim ?? p?.text.trim() ?? '';
    const passage = text && (claim !== undefined || isPassage(text));
    // "Open full entry" on the card: the detail view, with no note (the reader asked for it here).
    const note = p && !p.entryId ? REASONS[p.reason] ?? 'Your lookup opened here.' : undefined;
    mountPage(
      <>
        <OnThisPage onCheck={check} />
        <SearchApp
          key={++n}
          surface="sidepanel"
          {...(text && !passage ? { initialQuery: text } : {})}
          {...(passage ? { initialPassage: text } : {})}
          {...(note ? { note } : {})}
          {...(p?.entryId ? { initialEntryId: p.entryId } : {})}
        />
      </>,
    );
  };
  const params = new URLSearchParams(location.search);
  const q = params.get('q');
  const fromUrl = () => (q ? { text: q, at: Date.now(), reason: '' } : null);
  // ?entry=: the card's "Open full entry" in a tab, where the browser would not open the panel.
  const entryId = params.get('entry');
  if (entryId) show({ text: '', at: Date.now(), reason: 'full-entry', entryId });
  // Without an answer from the background the panel still opens, on the query in its URL if any.
  else void askBackground('takePending', {}).then((p) => show(p ?? fromUrl()), () => show(fromUrl()));
  watchStorage('session', [SESSION_KEYS.pendingLookup], (changes) => {
    if (!changes[SESSION_KEYS.pendingLookup]?.newValue) return;
    void askBackground('takePending', {}).then((p) => p && show(p), () => undefined);
  });
}
