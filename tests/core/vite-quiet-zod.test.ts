/** The build drops zod's comment-placement notice and no other warning (scripts/lib/vite-quiet-zod.ts). */
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { quietZodCommentNotices } from '../../scripts/lib/vite-quiet-zod';

const onLog = quietZodCommentNotices().onLog as (level: Rollup.LogLevel, log: Rollup.RollupLog) => boolean | undefined;
const log = (code: string, id: string): Rollup.RollupLog => ({ code, id, message: `${id}: a notice` });

describe('quietZodCommentNotices', () => {
  it('drops INVALID_ANNOTATION from zod files, on any path style', () => {
    expect(onLog('warn', log('INVALID_ANNOTATION', '/work/x/node_modules/zod/v4/core/util.js'))).toBe(false);
    expect(onLog('warn', log('INVALID_ANNOTATION', 'node_modules\\zod\\v4\\core\\regexes.js'))).toBe(false);
  });

  it('keeps the same notice from our code or another package, and every other warning', () => {
    expect(onLog('warn', log('INVALID_ANNOTATION', '/work/x/core/search/build.ts'))).toBeUndefined();
    expect(onLog('warn', log('INVALID_ANNOTATION', '/work/x/node_modules/zod-extra/index.js'))).toBeUndefined();
    expect(onLog('warn', log('CIRCULAR_DEPENDENCY', '/work/x/node_modules/zod/v4/core/util.js'))).toBeUndefined();
    expect(onLog('warn', log('EVAL', '/work/x/node_modules/zod/v4/core/util.js'))).toBeUndefined();
  });
});
