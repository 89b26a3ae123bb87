/** The page scanner: every name and citation of the packs in a page's visible text (pure). */
export { buildScanIndex, type ScanIndex } from './build';
export { scanText, type ScanMatch, type PageContext } from './scan';
