/**
 * `npm run demo -- --headless`: the one-command demo loads the extension in Chromium, opens the
 * bundled sample article, asks for a card on a phrase of it and prints what the card showed.
 * Without a display and without --headless it says so in one line instead of failing obscurely.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

function demo(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', ...args], { cwd: ROOT, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => ok({ code, out, err }));
  });
}

describe('npm run demo', () => {
  it('--headless opens the sample article, shows a card for "separation ordinance" and prints it', async () => {
    const r = await demo(['--headless']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('opened the sample article: Sample article: what Minneapolis');
    expect(r.out).toContain('the answer went to the card');
    expect(r.out).toContain('the card showed:');
    expect(r.out).toMatch(/^ {2}\| (Employee Authority in Immigration Matters|Separation ordinance)$/m);
  });

  it('with no display and no --headless, says so in one line and exits non-zero', async () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const r = await demo([], env);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('no display here');
    expect(r.err).toContain('--headless');
  });

  it('an unknown option is a one-line usage error (exit 2)', async () => {
    const r = await demo(['--firefx']);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('npm run demo: unknown option --firefx (did you mean --firefox?) (npm run demo -- --help shows the usage)');
  });
});
