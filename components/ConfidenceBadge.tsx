import type { Confidence, Status, TextVersion } from '../core/schema/pack';
import { textVersionNote } from '../core/format/text-version';
import type { ResultConfidence } from '../core/search/types';

/** Official (a primary source says it) or Reported (only secondary reports say it). */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const official = confidence === 'primary';
  return (
    <span
      class={`ol-badge ${official ? 'ol-badge--official' : 'ol-badge--reported'}`}
      title={official ? 'An official text or page says this' : 'Only news or secondary reports say this'}
    >
      {official ? 'Official' : 'Reported'}
    </span>
  );
}

const STATUS_WORDS: Record<Status, string> = {
  'in-force': 'In force',
  amended: 'Amended',
  superseded: 'Superseded',
  proposed: 'Proposed',
  failed: 'Failed',
  tabled: 'Tabled',
  enjoined: 'Enjoined',
  stayed: 'Stayed pending appeal',
  reversed: 'Reversed',
  rescinded: 'Rescinded',
  repealed: 'Repealed',
  expired: 'Expired',
  omitted: 'Omitted',
  transferred: 'Transferred',
  pending: 'Pending',
  active: 'Active',
  event: 'Event',
  term: 'Term',
  unknown: 'Status unknown',
};

export function statusWord(status: Status): string {
  return STATUS_WORDS[status] ?? status;
}

export function StatusBadge({ status }: { status: Status }) {
  return <span class="ol-badge ol-badge--status">{statusWord(status)}</span>;
}

/** Beside the status: the points describe an older text ("2003 text; amended Dec. 11, 2025; …"). */
export function TextVersionNote({ textVersion }: { textVersion: TextVersion | undefined }) {
  const note = textVersionNote(textVersion);
  if (!note) return null;
  return (
    <span class="ol-badge ol-badge--version" data-ol="text-version" title="The points describe this text, not the amended one">
      {note}
    </span>
  );
}

const MATCH_WORDS: Record<ResultConfidence, string> = { high: 'Strong match', medium: 'Likely match', low: 'Possible match' };

/** How sure the engine is that this entry answers the selection. */
export function MatchBadge({ confidence }: { confidence: ResultConfidence }) {
  return <span class="ol-badge ol-badge--conf">{MATCH_WORDS[confidence]}</span>;
}
