/**
 * The commands' one way to load what they need: run `load`; if it throws (an invalid pack, an
 * unreadable file), print its message as one plain line and give `undefined`, so the command
 * returns exit code 1 instead of a stack trace.
 */
export function orReport<T>(load: () => T): T | undefined {
  try {
    return load();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}
