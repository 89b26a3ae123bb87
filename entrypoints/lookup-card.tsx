import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardController, isSecretField, readSelection } from '../components/card/card-controller';
import { askBackground, failedLookupView, type CardProtocol } from '../lib/messages';
import { listenForCard } from '../lib/card/card-listener';
import { readPageContext } from '../lib/card/page-context';

/**
 * The in-page card. Never registered for any site: the background injects it on demand
 * (activeTab + scripting) when the reader asks for a lookup. It imports neither the packs nor
 * the engine; it asks the background.
 *
 * An unlisted script rather than a WXT content script on purpose: WXT's content-script wrapper
 * announces every start to the page (a window.postMessage and a DOM event carrying the
 * extension id), which would tell a page that the reader uses Ordinance Lens.
 */
export default defineUnlistedScript({
  main() {
    const g = globalThis as { __olCard?: true };
    if (g.__olCard) return; // injected again into the same frame: the first listener answers
    g.__olCard = true;
    const card = new CardController(document);

    async function show(req: CardProtocol['card:show']['req']): Promise<CardProtocol['card:show']['res']> {
      if (document.contentType === 'application/pdf') return { shown: false, reason: 'pdf' };
      if (!(document.documentElement instanceof HTMLElement)) return { shown: false, reason: 'not-html' };
      // A frame too small to hold a readable card (an ad slot, a 74 px widget): the side panel instead.
      if (window !== window.top && (innerHeight < 160 || innerWidth < 280)) return { shown: false, reason: 'frame-too-small' };
      // The menu's text from a password field is dropped too: "Select some text first".
      const text = isSecretField(document.activeElement) ? '' : (req.text ?? readSelection(document));
      if (!text.trim()) {
        card.show(null, '');
        card.update({
          result: { query: '', mode: 'empty', results: [], others: [], unknownCitations: [], truncated: false },
          views: {},
          citationStyle: 'short',
          tookMs: 0,
        });
        return { shown: true, reason: 'empty-selection' };
      }
      // The page around the selection decides what "the ordinance" means here and whose law it
      // is: ask again with it (the background's first answer had only the words). Used for this
      // lookup only; the history entry was recorded from the words alone.
      const context = readPageContext(document);
      if (req.view && !context) card.show(req.view, text);
      else {
        card.show(null, text);
        let view = await askBackground('lookup', { text, source: 'card', record: !req.view, ...(context ? { context } : {}) }).catch(() => null);
        // If the second ask fails, the words-only answer still stands.
        if (!view?.result) view = req.view ?? null;
        // The background cut a very long selection before handing it on: keep its "truncated".
        if (view && req.view?.result.truncated) view = { ...view, result: { ...view.result, truncated: true } };
        // Never leave the card on "Looking this up…": no answer at all is a failed lookup, said so.
        card.update(view ?? failedLookupView(text));
      }
      // Answer once the card is painted, so the background can time request → paint.
      // (A page still loading may hold its frames back: answer after 100 ms at most, the card is in.)
      await new Promise((r) => {
        requestAnimationFrame(() => setTimeout(r, 0));
        setTimeout(r, 100);
      });
      // A page that removed our host at once leaves nothing to read: say so, the side panel opens.
      if (!card.isConnected) {
        card.hide();
        return { shown: false, reason: 'card-removed' };
      }
      return { shown: true, paintedAt: performance.timeOrigin + performance.now() };
    }

    // Answers with a Reply: a show() that throws reaches the background as a failure it names.
    listenForCard(show);
  },
});
