/**
 * The outcome of every storage write. Writes never throw: a failure carries a message written
 * for the reader (no error codes, no stack), which the UI can show as is.
 */
export type WriteResult = { ok: true } | { ok: false; message: string };

export const OK: WriteResult = { ok: true };

export function fail(message: string): WriteResult {
  return { ok: false, message };
}
