/** Public API of claim check: the extension, the CLI and the tests import from here. */
export { checkClaim, checkClaims, claimLookups, namedEntryIds } from './check';
export type { ClaimLookups } from './check';
export type { ClaimResult } from './check';
export type { ClaimFlag } from './flags';
export { opposes, readModality } from './modality';
export type { Polarity } from './modality';
export { splitClaims } from './split';
