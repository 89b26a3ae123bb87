/**
 * `lens import-code` as a user runs it: usage errors are one plain line and exit 2; a real folder
 * (a few D.C. section files unpacked from ../shared/corpora) prints a pack that `lens validate`
 * accepts, and the report goes to standard error, not into the pack.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { command as importCode } from '../../../scripts/commands/import-code';
import { command as validate } from '../../../scripts/commands/validate';
import { unpackDcCorpus, type Unpacked } from '../../../scripts/lib/dc-corpus';

let corpus: Unpacked;
let out: string[];
let err: string[];
beforeAll(() => {
  corpus = unpackDcCorpus(['titles/24/index.xml', 'titles/24/sections/24-211.07.xml', 'titles/23/sections/23-1331.xml', 'titles/22/sections/22-2101.xml']);
});
afterAll(() => corpus?.remove());
afterEach(() => vi.restoreAllMocks());

function capture() {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
}

const base = ['--id', 'dc-code', '--title', 'Code of the District of Columbia', '--jurisdiction', 'District of Columbia'];

describe('lens import-code', () => {
  it('names the known formats when the format is unknown', async () => {
    capture();
    expect(await importCode.run(['--format', 'uslm', corpus.dir, ...base])).toBe(2);
    expect(err.join('\n')).toMatch(/unknown format "uslm" \(formats: dc-law-xml: /);
  });

  it('names the missing options when the folder or a required option is missing', async () => {
    capture();
    expect(await importCode.run(['--format', 'dc-law-xml', corpus.dir, '--id', 'dc-code'])).toBe(2);
    expect(err.join('\n')).toMatch(/^lens import-code: missing --title, --jurisdiction \(lens import-code --help/);
  });

  it('refuses an --as-of that is not a date', async () => {
    capture();
    expect(await importCode.run(['--format', 'dc-law-xml', corpus.dir, ...base, '--as-of', 'today'])).toBe(2);
    expect(err.join('\n')).toContain('--as-of "today" is not a date');
  });

  it('says plainly when the folder is not this format', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lens-empty-'));
    try {
      capture();
      expect(await importCode.run(['--format', 'dc-law-xml', empty, ...base])).toBe(1);
      expect(err.join('\n')).toContain('no titles/<n>/sections/<num>.xml files');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('prints a pack that lens validate accepts, with the report on standard error', async () => {
    capture();
    expect(await importCode.run(['--format', 'dc-law-xml', corpus.dir, ...base, '--as-of', '2026-06-30'])).toBe(0);
    const pack = JSON.parse(out.join(''));
    expect(pack.entries.map((e: { id: string }) => e.id).sort()).toEqual(['dc-22-2101', 'dc-23-1331', 'dc-24-211.07']);
    expect(err[0]).toMatch(/^3 section files → 3 entries in [\d.]+ s; [\d.]+ MB; as of 2026-06-30 \(given\)$/);
    const dir = mkdtempSync(join(tmpdir(), 'lens-pack-'));
    try {
      const file = join(dir, 'dc.json');
      writeFileSync(file, out.join(''));
      capture();
      expect(await validate.run([file])).toBe(0);
      expect(out[0]).toBe('valid: dc-code v2026-06-30, as of 2026-06-30: 3 entries');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
