/** The demo's sample article (our own text, docs/demo/) and what the demo tells a person to try. */
import { join } from 'node:path';
import { ROOT } from './demo-build';

export const DEMO_DIR = join(ROOT, 'docs/demo');
export const DEMO_PAGE = 'sample-article.html';
/** The phrase the headless smoke run selects (it is in the sample article). */
export const SMOKE_PHRASE = 'separation ordinance';

export const TRY_LINES = [
  'Try it: select "separation ordinance", "ICE hold" or "§ 19.30(a)(3)" in the article,',
  'then right-click → Explain "…" with Ordinance Lens, or press Alt+Shift+L.',
  'The toolbar button (puzzle-piece menu → Ordinance Lens) searches by typing.',
];

/** Prints the first lines of the card's text; 0 when it has some, 1 when it is empty. */
export function printCard(text: string): number {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  console.log(lines.length ? `the card showed:\n${lines.slice(0, 8).map((l) => `  | ${l}`).join('\n')}${lines.length > 8 ? `\n  | … (${lines.length - 8} more lines)` : ''}` : 'the card was empty');
  return lines.length ? 0 : 1;
}
