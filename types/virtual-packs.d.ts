declare module 'virtual:ordinance-packs' {
  import type { Pack } from '../core/schema/pack';
  /** The bundled packs, compiled and validated at build time. */
  export const packs: Pack[];
  /** The search index of every bundled entry, serialized at build time (loadIndex reads it). */
  export const prebuiltIndex: string;
}
