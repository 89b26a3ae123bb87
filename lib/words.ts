import type { EntryKind } from '../core/schema/pack';

const KIND_WORDS: Record<EntryKind, string> = {
  ordinance: 'Ordinance',
  'ordinance-section': 'Section',
  amendment: 'Amendment',
  'executive-order': 'Executive order',
  'police-policy': 'Police policy',
  guidance: 'Guidance',
  office: 'Office',
  program: 'Program',
  statute: 'Statute',
  regulation: 'Regulation',
  'court-decision': 'Court decision',
  'legal-opinion': 'Legal opinion',
  bill: 'Bill',
  resolution: 'Resolution',
  form: 'Form',
  event: 'Event',
  term: 'Term',
};

export function kindWordOf(kind: EntryKind): string {
  return KIND_WORDS[kind] ?? kind;
}
