declare module 'virtual:ordinance-packs' {
  import type { Pack } from '../core/schema/pack';
  /** The bundled packs, compiled and validated at build time. */
  export const packs: Pack[];
}
