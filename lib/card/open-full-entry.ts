/** The card's "Open full entry": asks the background, and says in words where the entry opened. */
import { askBackground } from '../messages';

export async function openFullEntryFromCard(id: string): Promise<string> {
  const r = await askBackground('openEntry', { id }).catch(() => null);
  if (r?.opened === 'panel') return 'Opened in the side panel.';
  if (r?.opened === 'tab') return 'Opened in a new tab.';
  return 'The full entry did not open. Search for it from the Ordinance Lens button in the toolbar.';
}
