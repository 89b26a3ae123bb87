/**
 * `npm run lens -- <command> [args]`: the Ordinance Lens core from a terminal.
 * Each command lives in scripts/commands/<name>.ts and exports `command` ({ spec, run(args) },
 * run resolving to the exit code); scripts/lib/cli-args.ts reads the arguments the same way for
 * all of them. Tests and acceptance checks drive this interface: keep it stable.
 */
import { main } from './lib/lens-main';

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
