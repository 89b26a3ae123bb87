/**
 * `npm run lens -- <command> [args]`: the Ordinance Lens core from a terminal.
 * Each command lives in scripts/commands/<name>.ts and exports `run(args): Promise<number>`
 * (the exit code). Tests and acceptance checks drive this interface: keep it stable.
 */
import type { Command } from './commands/types';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  validate: () => import('./commands/validate'),
  export: () => import('./commands/export'),
  show: () => import('./commands/show'),
  lookup: () => import('./commands/lookup'),
  eval: () => import('./commands/eval'),
  bench: () => import('./commands/bench'),
  scan: () => import('./commands/scan'),
  check: () => import('./commands/check'),
  'bench-claims': () => import('./commands/bench-claims'),
  'eval-claims': () => import('./commands/eval-claims'),
  timeline: () => import('./commands/timeline'),
  'import-code': () => import('./commands/import-code'),
  'bench-code': () => import('./commands/bench-code'),
  'bench-fuzzy': () => import('./commands/bench-fuzzy'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    const list = Object.keys(commands).join(', ');
    console.error(name ? `lens: unknown command "${name}" (commands: ${list})` : `usage: npm run lens -- <command> [args]\ncommands: ${list}`);
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
