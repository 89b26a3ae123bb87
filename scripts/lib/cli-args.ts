/**
 * How every `lens` command reads its arguments: node:util parseArgs in strict mode, so an unknown
 * flag or a flag without its value is a one-line error and exit code 2 (never a query, never a
 * silent default), and `--help` / `-h` print the command's usage.
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** May be given more than once (the values are collected in order). */
  multiple?: boolean;
  /** Placeholder for the value in the help text: `--limit K`. */
  value?: string;
  help: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface CommandSpec<S extends OptionSpecs = OptionSpecs> {
  name: string;
  /** How it is run, when not as `lens NAME` (`npm run demo`; its options then follow `--`). */
  program?: string;
  /** Arguments after `lens NAME`, as a synopsis: "[--json] [--limit K] QUERY…". */
  synopsis: string;
  /** What the command does, one sentence (also listed by `lens --help`). */
  summary: string;
  options: S;
  /** Whether the command takes positional arguments (queries, files, ids). */
  positionals: boolean;
  /** Further lines for the help text (formats, examples). */
  notes?: readonly string[];
}

export type OptionValues<S extends OptionSpecs> = {
  [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean | undefined : S[K]['multiple'] extends true ? string[] | undefined : string | undefined;
};

/** A misuse the command found after parsing (a value of the wrong form): exit 2 with this message. */
export class UsageError extends Error {}

const HELP: OptionSpec = { type: 'boolean', help: 'show this help' };

const invocation = (spec: CommandSpec) => spec.program ?? `lens ${spec.name}`;

export function usageLine(spec: CommandSpec): string {
  return `${invocation(spec)} ${spec.synopsis}`.trim();
}

/** The text `lens NAME --help` prints. */
export function helpText(spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => [`${name === 'help' ? '-h, ' : ''}--${name}${o.value ? ` ${o.value}` : ''}`, `${o.help}${o.multiple ? ' (repeatable)' : ''}`] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `usage: ${usageLine(spec)}`,
    ...(spec.program ? [] : [`       (from the project folder: npm run lens -- ${spec.name} …)`]),
    '',
    `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`,
    '',
    'options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`),
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
  ].join('\n');
}

/**
 * Parses `args` against `spec` and runs `body` with the values; prints the help for --help (exit 0)
 * and one line on stderr for a misuse (exit 2), whether parseArgs or `body` (UsageError) finds it.
 */
export async function runCommand<S extends OptionSpecs>(
  spec: CommandSpec<S>,
  args: readonly string[],
  body: (values: OptionValues<S>, positionals: string[]) => Promise<number> | number,
): Promise<number> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    const options = Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, { type: o.type, multiple: o.multiple ?? false }]));
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: spec.positionals });
  } catch (err) {
    return usageFailure(spec, parseErrorMessage(err, Object.keys(spec.options)));
  }
  if (parsed.values.help) {
    console.log(helpText(spec));
    return 0;
  }
  try {
    return await body(parsed.values as OptionValues<S>, parsed.positionals);
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(spec, err.message);
    throw err;
  }
}

function usageFailure(spec: CommandSpec, message: string): number {
  console.error(`${invocation(spec)}: ${message} (${invocation(spec)}${spec.program ? ' --' : ''} --help shows the usage)`);
  return 2;
}

/** parseArgs' messages reworded as one plain line (they can span three lines and suggest odd fixes). */
export function parseErrorMessage(err: unknown, known: readonly string[]): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = closestOption(quoted, known);
    return `unknown option ${quoted}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `takes no arguments, got "${quoted}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
    if (message.includes('does not take an argument')) return `${flag} takes no value`;
    if (message.includes('ambiguous')) return `${flag} needs a value, and the next argument is an option (write ${flag}=VALUE for a value that starts with "-")`;
    return `${flag} needs a value`;
  }
  return message.split('\n')[0]!;
}

/** The known option nearest to a mistyped one (at most two edits away), for "did you mean". */
function closestOption(given: string, known: readonly string[]): string | undefined {
  const word = given.replace(/^-+/, '').split('=')[0]!;
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(word, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** A whole-number option value; anything else ("ICE hold", "2.5", "") is a usage error. */
export function wholeNumber(value: string | undefined, flag: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`${flag} needs a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${value}"`);
  return Number(value);
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} is one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}
