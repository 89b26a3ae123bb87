/**
 * Format name → adapter. Another publication format (USLM for the U.S. Code, Akoma Ntoso, a
 * municipal code export) is one more file implementing `CodeAdapter`, added here.
 */
import type { CodeAdapter } from './types';
import { dcLawXml } from './dc-law-xml';

export const ADAPTERS: Readonly<Record<string, CodeAdapter>> = {
  [dcLawXml.format]: dcLawXml,
};

export function adapterFor(format: string): CodeAdapter | undefined {
  return Object.prototype.hasOwnProperty.call(ADAPTERS, format) ? ADAPTERS[format] : undefined;
}
