/**
 * The stylesheet of every surface as one string. The CSS itself lives in .css files (so a style
 * linter reads them); Vite inlines them here at build (`?inline`: a string, never a file the page
 * could load).
 */
import LENS from './styles/lens.css?inline';
import CARD from './styles/card.css?inline';
import CLAIM from './styles/claim.css?inline';

export const LENS_CSS = `${LENS}\n${CARD}\n${CLAIM}`;
