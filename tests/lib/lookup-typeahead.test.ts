/** The background's lookup answers as-you-type only when asked, and only for a short query. */
import { describe, expect, it } from 'vitest';
import { createLookupService } from '../../lib/lookup-service';
import { loadBundledPacks } from '../../scripts/lib/bundled-packs';

const service = createLookupService(loadBundledPacks());
const opts = { citationStyle: 'short' as const };

describe('lookup with typeahead', () => {
  it('adds the entries the typed letters jump to, for a short query from the popup', () => {
    const view = service.lookup('sepa', { ...opts, typeahead: true });
    expect(view.suggestions?.map((s) => s.id)).toContain('term-separation-ordinance');
  });

  it('leaves them out for a card lookup and for a sentence, which the engine alone answers', () => {
    expect(service.lookup('sepa', opts).suggestions).toBeUndefined();
    const sentence = service.lookup('The county jail stopped honoring ICE holds last year.', { ...opts, typeahead: true });
    expect(sentence.suggestions).toBeUndefined();
    expect(sentence.result.results.length).toBeGreaterThan(0);
  });
});
