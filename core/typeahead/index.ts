/** As-you-type matching (fuse.js over titles, aliases and citations) and its merge with the engine's answer. */
export { buildTypeahead, type Range, type Suggestion, type TypeaheadIndex, type TypeaheadMarks } from './typeahead';
export { mergeResults, rowsOfHits, type ResultRow } from './merge';
export { segments } from './segments';
export { isTypeaheadQuery } from './query-kind';
