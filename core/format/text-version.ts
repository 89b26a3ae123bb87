/**
 * The text-version note shown beside an entry's status and in its memo citation, for an entry
 * whose points describe an older text than the one in force:
 *   "2003 text; amended Dec. 11, 2025; amended text not available"
 * One function, so the card, the detail view, `lens show` and the citation say the same thing.
 */
import type { TextVersion } from '../schema/pack';
import { formatCiteDate } from './dates';

export function textVersionNote(tv: TextVersion | undefined): string | undefined {
  if (!tv) return undefined;
  const parts = [tv.describes.trim(), `${tv.what ? `${tv.what.trim()} ` : ''}amended ${formatCiteDate(tv.amended)}`];
  if (!tv.amendedTextAvailable) parts.push('amended text not available');
  return parts.join('; ');
}
