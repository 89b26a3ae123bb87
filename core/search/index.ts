/** Public API of the lookup engine: the extension, the CLI and the tests import from here. */
export { buildIndex, loadIndex, serializeIndex, lookup, INDEX_VERSION } from './engine';
export type { SearchIndex } from './engine';
export type { HitSignals, LookupHit, LookupResult, MatchedField, PageContext, ResultConfidence } from './types';
export { setPackSizes } from './pack-groups';
export { toStoredIndex, fromStoredIndex, isStoredIndex } from './stored-index';
export type { StoredIndex } from './stored-index';
