import type { CommandSpec } from '../lib/cli-args';

export interface Command {
  /** Name, synopsis, summary and options: `lens --help` and `lens NAME --help` print them. */
  spec: CommandSpec;
  /** Runs the command; resolves to the process exit code (2 = misuse, printed as one line). */
  run(args: string[]): Promise<number>;
}
