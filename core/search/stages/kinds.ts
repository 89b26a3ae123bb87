/** What kind of entry each index slot is, as the ranking weighs kinds: 1 glossary term, 2 dated event, 0 law and the rest. */
import type { SearchIndex } from '../build';

export const KIND_CLASS = { law: 0, term: 1, event: 2 } as const;

/** The kind class of one entry kind. */
export const kindClass = (kind: string): number => (kind === 'term' ? KIND_CLASS.term : kind === 'event' ? KIND_CLASS.event : KIND_CLASS.law);

export function kindClasses(index: SearchIndex): Uint8Array {
  return (index.cache.kinds ??= Uint8Array.from(index.entries, (e) => kindClass(e.kind)));
}
