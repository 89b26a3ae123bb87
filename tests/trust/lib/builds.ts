/** The built extensions the trust tests read. `npm run test:trust` builds them all first. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OUTPUT, requireBuild } from '../../support/lens-browser';
export { requireBuild };

export const BUILDS = {
  chrome: join(OUTPUT, 'chrome-mv3'),
  firefoxMv2: join(OUTPUT, 'firefox-mv2'),
  firefoxMv3: join(OUTPUT, 'firefox-mv3'),
} as const;

export type BuildName = keyof typeof BUILDS;

export interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  web_accessible_resources?: unknown[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } } };
  externally_connectable?: unknown;
  sandbox?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
  [key: string]: unknown;
}

export function readManifest(dir: string): Manifest {
  requireBuild(dir);
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Every file in a build, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}
