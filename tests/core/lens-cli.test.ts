/**
 * `lens` behaves like a command-line tool: --help prints usage for every command, an unknown flag
 * or a flag without its value is one line on stderr and exit 2 (never a query), and `lens lookup`
 * prints answers for people (no engine debug lines, no misspelling listed as a matched word).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../scripts/commands/types';
import { command as lookup } from '../../scripts/commands/lookup';
import { command as show } from '../../scripts/commands/show';
import { command as timeline } from '../../scripts/commands/timeline';
import { command as check } from '../../scripts/commands/check';
import { command as scan } from '../../scripts/commands/scan';
import { command as validate } from '../../scripts/commands/validate';
import { command as exportPack } from '../../scripts/commands/export';
import { command as importCode } from '../../scripts/commands/import-code';
import { command as evalCmd } from '../../scripts/commands/eval';
import { command as bench } from '../../scripts/commands/bench';
import { command as benchClaims } from '../../scripts/commands/bench-claims';
import { command as evalClaims } from '../../scripts/commands/eval-claims';
import { command as benchCode } from '../../scripts/commands/bench-code';
import { command as benchFuzzy } from '../../scripts/commands/bench-fuzzy';
import { main } from '../../scripts/lib/lens-main';

const ROOT = join(import.meta.dirname, '../..');
const ALL: Command[] = [lookup, show, timeline, check, scan, validate, exportPack, importCode, evalCmd, bench, benchClaims, evalClaims, benchCode, benchFuzzy];

afterEach(() => vi.restoreAllMocks());

/** Runs `work` with console.log / console.error captured: the exit code and what it printed. */
async function capture(work: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await work();
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const run = (cmd: Command, args: string[]) => capture(() => cmd.run(args));
/** The command line in-process, as `npm run lens -- …` dispatches it (scripts/lib/lens-main.ts). */
const lens = (...args: string[]) => capture(() => main(args));

/** The real entry point as a process, as `npm run lens -- …` runs it (exit code included): one test, end to end. */
function lensProcess(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lens.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('lens --help', () => {
  it('lists every command with what it does, on stdout, exit 0', async () => {
    const r = await lens('--help');
    expect(r.code).toBe(0);
    for (const c of ALL) expect(r.out).toMatch(new RegExp(`^  ${c.spec.name} +\\S`, 'm'));
  });

  it('an unknown command exits 2 naming the commands', async () => {
    const r = await lens('lokup', 'ICE hold');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('unknown command "lokup"');
  });

  it.each(ALL.map((c) => [c.spec.name, c] as const))('lens %s --help prints its usage and options and runs nothing', async (name, cmd) => {
    for (const flag of ['--help', '-h']) {
      const r = await run(cmd, [flag]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: lens ${name}`));
      expect(r.out).toContain('-h, --help');
      expect(r.err).toBe('');
    }
  });

  it('lens lookup --help does not look up the word "help"; lens show --help is not an entry id', async () => {
    expect((await run(lookup, ['--help'])).out).not.toMatch(/^"--help":|^"help":| · (Strong|Likely|Possible) match · /m);
    expect((await run(show, ['--help'])).out).not.toContain('no entry');
  });
});

describe('misuse is one line on stderr and exit 2', () => {
  const oneLine = (err: string) => expect(err.trim().split('\n')).toHaveLength(1);

  it('an unknown flag is not taken as a query, and the near flag is suggested', async () => {
    const r = await run(lookup, ['--jsn', 'ICE hold']);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toBe('lens lookup: unknown option --jsn (did you mean --json?) (lens lookup --help shows the usage)');
    expect(r.out).toBe('');
  });

  it.each([
    [lookup, ['--limit']],
    [timeline, ['minneapolis', '--since']],
    [scan, ['--host']],
    [evalCmd, ['tests/eval/dev-queries.jsonl', '--split']],
    [importCode, ['--format']],
    [benchClaims, ['--runs']],
    [benchFuzzy, ['--rounds']],
  ] as const)('a flag without its value: %#', async (cmd, args) => {
    const r = await run(cmd, [...args]);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/--[\w-]+ needs a value/);
  });

  it('--limit "ICE hold" does not swallow the query: a non-numeric limit is an error', async () => {
    const r = await run(lookup, ['--limit', 'ICE hold']);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain('--limit needs a whole number of at least 1, got "ICE hold"');
    expect(r.out).toBe('');
  });

  it('--limit followed by another flag says the value is missing', async () => {
    const r = await run(lookup, ['--limit', '--json', 'ICE hold']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--limit needs a value');
  });

  it('a value given to a switch, a stray argument, and a query missing are misuse too', async () => {
    expect((await run(lookup, ['--json=yes', 'ICE hold'])).err).toContain('--json takes no value');
    expect((await run(bench, ['extra'])).err).toContain('takes no arguments, got "extra"');
    expect((await run(lookup, [])).code).toBe(2);
    expect((await run(show, [])).code).toBe(2);
  });

  it('the real process (scripts/lens.ts) exits 2 with nothing on stdout', () => {
    const r = lensProcess('lookup', '--jsn', 'ICE hold');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('lens lookup, read by a person', () => {
  it('shows title, citation, match label and why in words, with no engine debug lines', async () => {
    const r = await run(lookup, ['ICE hold', '§ 19.30(a)(3)']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/\w+\[\d+\]:/); // alias[4]: ICE; point[0]: …
    expect(r.out).not.toMatch(/\(\d+(\.\d+)?, (exact|fuzzy|citation|passage)\)/); // (12.057, exact)
    expect(r.out).toMatch(/^"ICE hold": \d answers?/m);
    expect(r.out).toMatch(/· (Strong|Likely|Possible) match ·/);
    expect(r.out).toMatch(/matched the (alias|keyword) "ICE holds?"/);
    expect(r.out).toContain('Public safety services');
    expect(r.out).toContain('Minneapolis, Minn., Code of Ordinances § 19.30');
    expect(r.out).toContain('matched the citation § 19.30(a)(3)');
  });

  it('never lists a misspelling as a matched word: it says what the word was read as', async () => {
    const r = await run(lookup, ['seperation ordinance']);
    expect(r.code).toBe(0);
    const why = r.out.split('\n').filter((l) => l.includes('matched'));
    expect(why.length).toBeGreaterThan(0);
    for (const line of why) {
      expect(line).toMatch(/separation/);
      expect(line.replace(/\("seperation" read as "separation"\)/, '')).not.toContain('seperation');
    }
    expect(r.out).toContain('"seperation" read as "separation"');
    const detainer = await run(lookup, ['--limit', '1', 'detainr']);
    expect(detainer.out).toContain('the word detainer');
    expect(detainer.out).toContain('("detainr" read as "detainer")');
  });

  it('--explain adds the scoring detail the plain output leaves out', async () => {
    const r = await run(lookup, ['--explain', '--limit', '1', 'ICE hold']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/score \d+(\.\d+)? \((high|medium|low), found by (exact|fuzzy|passage)\)/);
    expect(r.out).toMatch(/signals: coverage \d\.\d\d/);
    expect(r.out).toMatch(/fields: .*\w+\[\d+\]: /);
    expect(r.out.match(/^ {2}\d+\. /gm)).toHaveLength(1);
  });

  it('says plainly when nothing in the pack covers the query', async () => {
    const r = await run(lookup, ['weather forecast for Tuesday']);
    expect(r.out).toMatch(/^"weather forecast for Tuesday": (nothing in this pack covers this|possible matches)/);
  });
});
