/** `web-ext lint` on an unpacked Firefox build, offline, as figures a test can gate on. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { requireBuild } from './builds';
import { ROOT } from './figures';

export interface LintResult {
  errors: number;
  warnings: number;
  /** `error CODE file: message` and `warning CODE file` lines. */
  messages: string[];
}

export function webExtLint(dir: string): LintResult {
  requireBuild(dir);
  let out: string;
  try {
    out = execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 180_000 });
  } catch (err) {
    out = (err as { stdout?: string }).stdout ?? ''; // non-zero exit on errors; the JSON is still there
  }
  const start = out.indexOf('{');
  const report = JSON.parse(out.slice(start)) as { summary: { errors: number; warnings: number }; errors: { code: string; message: string; file?: string }[]; warnings: { code: string; file?: string }[] };
  return {
    errors: report.summary.errors,
    warnings: report.summary.warnings,
    messages: [...report.errors.map((e) => `error ${e.code} ${e.file ?? ''}: ${e.message}`), ...report.warnings.map((w) => `warning ${w.code} ${w.file ?? ''}`)],
  };
}
