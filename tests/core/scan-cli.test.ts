/** `lens scan`: the JSON it prints for a page file, with offsets into the page's visible text. */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../scripts/commands/scan';
import { readPageText } from '../../scripts/lib/page-text';

const PAGE = join(import.meta.dirname, '../e2e/fixtures/news-article.html');

afterEach(() => vi.restoreAllMocks());

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
  const code = await command.run(args);
  return { code, out, err };
}

describe('lens scan', () => {
  it('--json prints each match with offsets into the visible text, and the time taken', async () => {
    const { code, out } = await run(['--json', PAGE]);
    expect(code).toBe(0);
    const res = JSON.parse(out.join('\n')) as { matches: { start: number; end: number; text: string; id: string }[]; ms: number };
    expect(typeof res.ms).toBe('number');
    const { text } = readPageText(PAGE);
    expect(res.matches.length).toBeGreaterThan(10);
    for (const m of res.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(res.matches.map((m) => m.id)).toEqual(expect.arrayContaining(['mpls-19.30', 'usc-8-1373', 'term-form-i9']));
    expect(Object.keys(res.matches[0]!).sort()).toEqual(['end', 'id', 'start', 'text']);
  });
  it('prints a readable list with a closing count, and refuses a missing file plainly', async () => {
    const ok = await run([PAGE]);
    expect(ok.code).toBe(0);
    expect(ok.out.at(-1)).toMatch(/^\d+ marks, \d+ entries, \d+ words, [\d.]+ ms$/);
    const missing = await run(['no-such-page.html']);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/no such file/);
  });
});
