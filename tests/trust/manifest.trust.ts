/**
 * Promise 2, least privilege: the built manifests ask for nothing beyond the documented list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDS, readManifest, type BuildName, type Manifest } from './lib/builds';
import { recordFigures, ROOT } from './lib/figures';
import { allowedFor, DOCUMENTED_OPTIONAL_PERMISSIONS, DOCUMENTED_PERMISSIONS } from './permissions';

const browserOf = (b: BuildName) => (b === 'chrome' ? 'chrome' : 'firefox');
const isHostPattern = (p: string) => p === '<all_urls>' || p.includes('://') || p.startsWith('*');
const problems: string[] = [];
const check = (cond: boolean, problem: string) => {
  if (!cond) problems.push(problem);
  return cond;
};

describe.each(Object.keys(BUILDS) as BuildName[])('the %s manifest', (build) => {
  const m = (): Manifest => readManifest(BUILDS[build]);

  it('asks only for documented permissions', () => {
    const allowed = allowedFor(browserOf(build));
    const extra = (m().permissions ?? []).filter((p) => !allowed.has(p));
    check(extra.length === 0, `${build}: undocumented permissions ${extra.join(', ')}`);
    expect(extra).toEqual([]);
  });

  it('asks for no optional permission that is not documented', () => {
    const allowed = new Set(DOCUMENTED_OPTIONAL_PERMISSIONS.filter((p) => p.browsers.includes(browserOf(build))).map((p) => p.permission));
    const optional = [...(m().optional_permissions ?? []), ...(m().optional_host_permissions ?? [])];
    const extra = optional.filter((p) => !allowed.has(p));
    check(extra.length === 0, `${build}: undocumented optional permissions ${extra.join(', ')}`);
    expect(extra).toEqual([]);
    // MV3 keeps host patterns apart from API permissions; MV2 has only optional_permissions.
    if (m().manifest_version === 3) expect((m().optional_permissions ?? []).filter(isHostPattern)).toEqual([]);
    else expect(m().optional_host_permissions).toBeUndefined();
  });

  it('offers "always explain pages on this site" only as an optional host permission', () => {
    const optional = [...(m().optional_permissions ?? []), ...(m().optional_host_permissions ?? [])];
    expect(optional).toContain('*://*/*');
    expect(m().host_permissions ?? []).not.toContain('*://*/*');
  });

  it('requires no host permission (activeTab is enough), not even through content-script matches', () => {
    const hosts = [
      ...(m().host_permissions ?? []),
      ...(m().permissions ?? []).filter(isHostPattern),
      ...(m().content_scripts ?? []).flatMap((c) => c.matches ?? []),
    ];
    check(hosts.length === 0, `${build}: host access ${hosts.join(', ')}`);
    expect(hosts).toEqual([]);
  });

  it('exposes no web-accessible resource (pages could probe for it and detect the extension)', () => {
    const war = m().web_accessible_resources ?? [];
    check(war.length === 0, `${build}: web_accessible_resources ${JSON.stringify(war)}`);
    expect(war).toEqual([]);
  });

  it('lets no web page or other extension message it', () => {
    check(m().externally_connectable === undefined, `${build}: externally_connectable`);
    expect(m().externally_connectable).toBeUndefined();
  });

  if (build !== 'chrome') {
    it('declares Firefox data_collection_permissions: none', () => {
      const dcp = m().browser_specific_settings?.gecko?.data_collection_permissions;
      check(JSON.stringify(dcp?.required) === '["none"]' && !(dcp?.optional?.length), `${build}: data_collection_permissions ${JSON.stringify(dcp)}`);
      expect(dcp?.required).toEqual(['none']);
      expect(dcp?.optional ?? []).toEqual([]);
    });
  }
});

describe('SECURITY.md', () => {
  it('explains every documented permission in its table', () => {
    const doc = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const missing = [...DOCUMENTED_PERMISSIONS, ...DOCUMENTED_OPTIONAL_PERMISSIONS].filter((p) => !new RegExp(`^\\|\\s*\`${escape(p.permission)}\`\\s*\\|`, 'm').test(doc));
    check(missing.length === 0, `SECURITY.md does not explain ${missing.map((p) => p.permission).join(', ')}`);
    expect(missing.map((p) => p.permission)).toEqual([]);
  });
});

afterAll(() => {
  const perms = Object.fromEntries((Object.keys(BUILDS) as BuildName[]).map((b) => {
    try {
      return [b, readManifest(BUILDS[b]).permissions ?? []];
    } catch {
      problems.push(`${b}: build missing`);
      return [b, 'missing'];
    }
  }));
  recordFigures('manifest', { permissionsOk: problems.length === 0, problems, permissions: perms });
});
