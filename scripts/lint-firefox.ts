/**
 * `npm run lint:firefox`: web-ext lint on both Firefox builds (MV2 and MV3), offline.
 * Gates on errors only (zod's JIT probe and Preact produce a few warnings, see TOOLCHAIN.md).
 * Prints one line per build and exits 1 if any build has an error or is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const builds = ['.output/firefox-mv2', '.output/firefox-mv3'];
let failed = false;
for (const dir of builds) {
  if (!existsSync(`${dir}/manifest.json`)) {
    console.log(`${dir}: missing (run npm run build first)`);
    failed = true;
    continue;
  }
  let out: string;
  try {
    out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (err) {
    // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
    out = (err as { stdout?: string }).stdout ?? '';
  }
  const start = out.indexOf('{');
  const report = start >= 0 ? (JSON.parse(out.slice(start)) as { summary: { errors: number; warnings: number; notices: number }; errors: { code: string; message: string; file?: string }[] }) : undefined;
  if (!report) {
    console.log(`${dir}: web-ext lint printed no report`);
    failed = true;
    continue;
  }
  const { errors, warnings, notices } = report.summary;
  console.log(`${dir}: web-ext lint ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const e of report.errors) console.log(`  error ${e.code}: ${e.message}${e.file ? ` (${e.file})` : ''}`);
  if (errors > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
