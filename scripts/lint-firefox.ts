/**
 * `npm run lint:firefox`: web-ext lint on both Firefox builds (MV2 and MV3), offline.
 * Gates on errors only. Prints one line per build, then each warning with where it comes from:
 * web-ext names the bundled file (lookup-card.js, chunks/…), which is not in the repository, so a
 * warning we can trace to a dependency says which one and why it is harmless; any other warning
 * is printed as "not explained" for a person to look at. Exits 1 if a build has an error or is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface Report {
  summary: { errors: number; warnings: number; notices: number };
  errors: Message[];
  warnings: Message[];
}

/**
 * Where a warning comes from, when known. Preact's renderer assigns innerHTML only for the
 * `dangerouslySetInnerHTML` prop (`x.innerHTML = props.__html`, node_modules/preact/src/diff/index.js);
 * our components never pass that prop (every page text is rendered as text), so the line is
 * bundled but never runs for us.
 */
function explain(dir: string, w: Message): string | undefined {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || ourCodeSetsHtml) return undefined;
  const source = readFileSync(join(dir, w.file), 'utf8');
  if (/\.innerHTML=\w+\.__html/.test(source)) return "Preact's dangerouslySetInnerHTML branch, bundled from node_modules/preact (our components never use that prop)";
  return undefined;
}

/** Whether any source of ours sets HTML (then the warnings above are not Preact's alone). */
const ourCodeSetsHtml = ['components', 'entrypoints', 'lib', 'core'].some((top) =>
  readdirSync(top, { recursive: true, encoding: 'utf8' }).some((f) => /\.(ts|tsx)$/.test(f) && /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(join(top, f), 'utf8'))),
);

function lint(dir: string): Report | undefined {
  let out: string;
  try {
    out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (err) {
    // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
    out = (err as { stdout?: string }).stdout ?? '';
  }
  const start = out.indexOf('{');
  return start >= 0 ? (JSON.parse(out.slice(start)) as Report) : undefined;
}

let failed = false;
for (const dir of ['.output/firefox-mv2', '.output/firefox-mv3']) {
  if (!existsSync(`${dir}/manifest.json`)) {
    console.log(`${dir}: missing (run npm run build first)`);
    failed = true;
    continue;
  }
  const report = lint(dir);
  if (!report) {
    console.log(`${dir}: web-ext lint printed no report`);
    failed = true;
    continue;
  }
  const { errors, warnings, notices } = report.summary;
  console.log(`${dir}: web-ext lint ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const e of report.errors) console.log(`  error ${e.code}: ${e.message}${e.file ? ` (${e.file})` : ''}`);
  for (const w of report.warnings) {
    const why = explain(dir, w);
    console.log(`  warning ${w.code} in the bundled ${w.file ?? '?'}: ${why ?? `${w.message} (not explained: look at it)`}`);
  }
  if (errors > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
