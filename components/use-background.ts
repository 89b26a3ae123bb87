/**
 * Asks the background once per change of `deps` and keeps the latest answer: `undefined` while
 * it loads, the answer, or `failed` when the background said no (never an older answer that
 * arrives late, after the question changed).
 */
import { useEffect, useState } from 'preact/hooks';
import { askBackground, type BackgroundProtocol } from '../lib/messages';

export type Asked<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed' };

export function useBackground<K extends keyof BackgroundProtocol>(type: K, req: BackgroundProtocol[K]['req'], deps: readonly unknown[]): Asked<BackgroundProtocol[K]['res']> {
  const [asked, setAsked] = useState<Asked<BackgroundProtocol[K]['res']>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setAsked({ state: 'loading' });
    askBackground(type, req).then(
      (value) => live && setAsked({ state: 'done', value }),
      () => live && setAsked({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
    // The caller names what the question depends on (req is a new object on every render).
  }, deps);
  return asked;
}
