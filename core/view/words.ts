/**
 * The words every surface (card, popup, side panel, settings, CLI) shows for an entry's kind, and
 * which kinds are law. One table, keyed by every kind of the pack format: adding a kind to
 * ENTRY_KINDS (core/schema/pack.ts) fails the typecheck here until it has a word and a class.
 */
import type { Entry, EntryKind } from '../schema/pack';

const KINDS: Record<EntryKind, { word: string; law: boolean }> = {
  ordinance: { word: 'Ordinance', law: true },
  'ordinance-section': { word: 'Section', law: true },
  amendment: { word: 'Amendment', law: true },
  'executive-order': { word: 'Executive order', law: true },
  'police-policy': { word: 'Police policy', law: true },
  guidance: { word: 'Guidance', law: false },
  office: { word: 'Office', law: false },
  program: { word: 'Program', law: false },
  statute: { word: 'Statute', law: true },
  regulation: { word: 'Regulation', law: true },
  'court-decision': { word: 'Court decision', law: true },
  'legal-opinion': { word: 'Legal opinion', law: true },
  bill: { word: 'Bill', law: false },
  resolution: { word: 'Resolution', law: true },
  form: { word: 'Form', law: false },
  event: { word: 'Event', law: false },
  term: { word: 'Term', law: false },
};

/** "Executive order", "Section" …; an unknown kind (from a newer pack) is shown as written. */
export function kindWordOf(kind: EntryKind): string {
  return KINDS[kind]?.word ?? kind;
}

/** Kinds that are law a glossary term can be governed by (shown as "Governing law"). */
export function isLawKind(kind: EntryKind): boolean {
  return KINDS[kind]?.law ?? false;
}

/** Why `other` is shown beside `from`, in the reader's words. */
export function relationOf(from: Pick<Entry, 'kind'>, other: Pick<Entry, 'kind'>): string {
  if (from.kind === 'term' && isLawKind(other.kind)) return 'Governing law';
  if (from.kind === 'ordinance-section' && other.kind === 'ordinance') return 'Chapter';
  if (from.kind === 'ordinance' && other.kind === 'ordinance-section') return 'Section';
  if (other.kind === 'amendment') return 'Amendment';
  return kindWordOf(other.kind);
}

/** The order related links are listed in: these relations first, then the rest by kind word. */
export const RELATION_ORDER: readonly string[] = ['Governing law', 'Chapter', 'Section', 'Amendment'];
