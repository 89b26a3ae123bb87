/** Public API of claim check: the extension, the CLI and the tests import from here. */
export { checkClaim, checkClaims, MIN_COVERAGE, MIN_COVERAGE_UNSURE } from './check';
export type { CheckOptions, ClaimCheck, ClaimResult } from './check';
export { CLAIM_FLAGS, describesOlderText, notInForce, olderTextOf } from './flags';
export type { ClaimFlag } from './flags';
export { opposes, readModality } from './modality';
export type { Modality, Polarity } from './modality';
export { splitClaims } from './split';
export type { Clause } from './split';
export { claimMemo } from './memo';
export type { MemoInput } from './memo';
