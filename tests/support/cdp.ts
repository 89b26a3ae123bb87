import type { CDPSession } from 'playwright-core';

/**
 * Runs `fn(node, arg)` on a DevTools remote object (e.g. a closed shadow root that page scripts
 * cannot reach) and returns its value; a throw inside `fn` comes back as an Error.
 */
export async function callOnObject<T, A>(s: CDPSession, objectId: string, fn: (node: never, arg: A) => T | Promise<T>, arg: A | undefined): Promise<T> {
  const res = (await s.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
    arguments: [{ value: arg ?? null }],
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  if (res.exceptionDetails) throw new Error(`cardEval: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
  return res.result.value;
}
