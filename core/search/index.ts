/** Public API of the lookup engine: the extension, the CLI and the tests import from here. */
export { buildIndex, loadIndex, serializeIndex, lookup, MAX_QUERY_CHARS, INDEX_VERSION } from './engine';
export type { SearchIndex, SerializedIndex } from './engine';
export type { HitSignals, LookupHit, LookupOptions, LookupResult, MatchedField, PageContext, ResultConfidence, UnknownCitation } from './types';
export { normalize } from '../text/normalize';
export { extractCitations } from '../citations/extract';
export { CITATION_PATTERNS } from '../citations/patterns';
export { toStoredIndex, fromStoredIndex, isStoredIndex } from './stored-index';
export type { StoredIndex } from './stored-index';
