/**
 * docs/store/ says what the build does: the listing's short description is the manifest's and
 * fits Chrome's 132 characters; the permission justifications, the README's table and SECURITY.md's
 * table name exactly the documented permissions; the screenshots are at the stores' size; the
 * stated size budgets are the ones CI checks; CHANGELOG.md starts at the current version.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ARCHIVE_BUDGET, SOURCES_ARCHIVE_BUDGET } from '../../scripts/lib/store-budgets';
import { bundledPacks } from '../support/bundled';
import { DOCUMENTED_PERMISSIONS } from '../trust/permissions';

const ROOT = join(import.meta.dirname, '../..');
const STORE = join(ROOT, 'docs/store');
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8');
const documented = DOCUMENTED_PERMISSIONS.map((p) => p.permission).sort();

/** The fenced block under a `## heading` of listing.md. */
function block(md: string, heading: string): string {
  const m = new RegExp(`^## ${heading}\\n[\\s\\S]*?\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``, 'm').exec(md);
  if (!m) throw new Error(`listing.md has no text block under "## ${heading}"`);
  return m[1]!;
}

/** The first-column `code` names of the markdown table under `heading`. */
function tablePermissions(md: string, heading: string): string[] {
  const start = md.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" section`);
  const table = md.slice(start).split('\n').slice(1);
  const rows: string[] = [];
  for (const line of table) {
    if (rows.length && !line.startsWith('|')) break;
    const m = /^\|\s*`([A-Za-z]+)`/.exec(line);
    if (m) rows.push(m[1]!);
  }
  return rows.sort();
}

describe('listing', () => {
  it("short description is the manifest's, at most 132 characters", async () => {
    const short = block(read('docs/store/listing.md'), 'Short description');
    expect(short.length).toBeLessThanOrEqual(132);
    const config = (await import('../../wxt.config')).default as { manifest: (env: { browser: string; mode: string; manifestVersion: number; command: string }) => { description?: string } };
    for (const browser of ['chrome', 'firefox']) expect(config.manifest({ browser, mode: 'production', manifestVersion: browser === 'chrome' ? 3 : 2, command: 'build' }).description).toBe(short);
  });

  it('has a long description', () => {
    expect(block(read('docs/store/listing.md'), 'Long description').length).toBeGreaterThan(500);
  });
});

describe('permission justifications', () => {
  it('permissions.md has exactly one line per documented permission', () => {
    const lines = read('docs/store/permissions.md')
      .split('\n')
      .map((l) => /^- `([A-Za-z]+)`/.exec(l)?.[1])
      .filter((x): x is string => !!x);
    expect(lines.sort()).toEqual(documented);
  });

  it("the README's table and SECURITY.md's table list the same permissions", () => {
    expect(tablePermissions(read('README.md'), '## Permissions, and why')).toEqual(documented);
    expect(tablePermissions(read('SECURITY.md'), '## Permissions')).toEqual(documented);
  });
});

describe('screenshots', () => {
  const dir = join(STORE, 'screenshots');
  const pngs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')) : [];

  it('there are 1 to 5 (the Chrome Web Store takes at most 5)', () => {
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    expect(pngs.length).toBeLessThanOrEqual(5);
  });

  it.each(pngs)('%s is 1280×800', (f) => {
    const png = readFileSync(join(dir, f));
    expect(png.toString('latin1', 1, 4)).toBe('PNG');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1280, height: 800 });
  });
});

describe('archives and versions', () => {
  it('docs/store/README.md states the budgets CI checks', () => {
    const md = read('docs/store/README.md');
    const rows = (name: string) => md.split('\n').find((l) => l.startsWith(`| \`ordinance-lens-<version>-${name}.zip\``)) ?? '';
    for (const name of ['chrome', 'firefox']) expect(rows(name).trim().endsWith(`| ${EXTENSION_ARCHIVE_BUDGET / 1024} KB |`), rows(name)).toBe(true);
    expect(rows('sources').trim().endsWith(`| ${SOURCES_ARCHIVE_BUDGET / 1024} KB |`), rows('sources')).toBe(true);
  });

  it("CHANGELOG.md's newest section is package.json's version and names the bundled pack's version", () => {
    const { version } = JSON.parse(read('package.json')) as { version: string };
    const log = read('CHANGELOG.md');
    const first = /^## (\S+)/m.exec(log)?.[1];
    expect(first).toBe(version);
    const newest = log.slice(log.indexOf(`## ${version}`)).split(/^## /m)[1] ?? '';
    for (const pack of bundledPacks()) expect(newest, `CHANGELOG.md should name ${pack.id} ${pack.version}`).toContain(`pack version ${pack.version}`);
  });
});
