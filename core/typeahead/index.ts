/** As-you-type matching (fuse.js over titles, aliases and citations) and its merge with the engine's answer. */
export { buildTypeahead, MIN_TYPEAHEAD_CHARS, type Range, type Suggestion, type TypeaheadIndex, type TypeaheadMarks, type TypeaheadRecord } from './typeahead';
export { mergeResults, rowsOfHits, type ResultRow } from './merge';
export { segments, type Segment } from './segments';
export { isTypeaheadQuery, TYPEAHEAD_MAX_WORDS } from './query-kind';
