/**
 * `npm run lens -- <command> [args]`: the Ordinance Lens core from a terminal.
 * Each command lives in scripts/commands/<name>.ts and exports `command` ({ spec, run(args) },
 * run resolving to the exit code); scripts/lib/cli-args.ts reads the arguments the same way for
 * all of them. Tests and acceptance checks drive this interface: keep it stable.
 */
import { usageLine } from './lib/cli-args';
import type { Command } from './commands/types';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  lookup: () => import('./commands/lookup'),
  show: () => import('./commands/show'),
  check: () => import('./commands/check'),
  timeline: () => import('./commands/timeline'),
  scan: () => import('./commands/scan'),
  validate: () => import('./commands/validate'),
  export: () => import('./commands/export'),
  'import-code': () => import('./commands/import-code'),
  eval: () => import('./commands/eval'),
  bench: () => import('./commands/bench'),
  'bench-claims': () => import('./commands/bench-claims'),
  'eval-claims': () => import('./commands/eval-claims'),
  'bench-code': () => import('./commands/bench-code'),
  'bench-fuzzy': () => import('./commands/bench-fuzzy'),
  'bench-start': () => import('./commands/bench-start'),
};

async function overview(): Promise<string> {
  const specs = await Promise.all(Object.values(commands).map(async (load) => (await load()).command.spec));
  const width = Math.max(...specs.map((s) => s.name.length)) + 2;
  return [
    'usage: npm run lens -- <command> [options]   (or: npx tsx scripts/lens.ts <command> …)',
    '',
    'The Ordinance Lens engine and packs from a terminal. Commands:',
    ...specs.map((s) => `  ${s.name.padEnd(width)}${s.summary}`),
    '',
    'lens <command> --help shows a command\'s options, e.g.:',
    ...specs.slice(0, 3).map((s) => `  ${usageLine(s)}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined;
    if (topic && commands[topic]) return (await commands[topic]()).command.run(['--help']);
    console.log(await overview());
    return 0;
  }
  const load = name ? commands[name] : undefined;
  if (!load) {
    const list = Object.keys(commands).join(', ');
    console.error(name ? `lens: unknown command "${name}" (commands: ${list}; lens --help describes them)` : `usage: npm run lens -- <command> [options]   (commands: ${list}; lens --help describes them)`);
    return 2;
  }
  const { command } = await load();
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Last resort: a command should report its own errors as one plain line.
    console.error(`lens: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
