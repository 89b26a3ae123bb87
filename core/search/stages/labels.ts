/**
 * Label values kept in scratch.conf: strong ("Strong match"), likely ("Likely match"), possible
 * ("Possible match"), none (below the answer line). Set by stages/rate.ts; read by the slot
 * choice (stages/pick.ts), the context cap and the engine.
 */
export const LABEL = { none: 0, possible: 1, likely: 2, strong: 3 } as const;
