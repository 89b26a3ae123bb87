import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onStorageRepaired, type RepairNotice } from '../../../lib/storage/repair';

/**
 * Each test of the calling file starts on an empty fake storage, with console.warn silenced and
 * spies restored after it. Returns the repair notices the running test raised (the same array
 * for the whole file, emptied before each test).
 */
export function freshStorage(): RepairNotice[] {
  const repairs: RepairNotice[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    repairs.length = 0;
    const stop = onStorageRepaired((n) => repairs.push(n));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    return () => {
      stop();
      warn.mockRestore();
      vi.restoreAllMocks();
    };
  });
  return repairs;
}
