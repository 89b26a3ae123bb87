/**
 * Vite plugin: drops one known build notice and nothing else. zod 4 ships explanatory comments
 * beside its `@__PURE__` annotations (v4/core/util.js and regexes.js) that Rollup cannot place,
 * so every build printed a multi-line INVALID_ANNOTATION warning per comment (12 over the three
 * targets), which read like errors. Rollup only removes the comment: the bundle is the same.
 * Only that code, from zod's own files, is dropped; any other warning (or this one from our code
 * or another package) still prints. A plugin `onLog` hook because WXT's per-entrypoint builds do
 * not pass `build.rollupOptions.onwarn` on to Rollup.
 */
import type { Plugin } from 'vite';

const ZOD_FILE = /(^|[\\/])node_modules[\\/]zod[\\/]/;

export function quietZodCommentNotices(): Plugin {
  return {
    name: 'ordinance-lens:quiet-zod-comment-notices',
    apply: 'build',
    onLog(level, log) {
      if (level === 'warn' && log.code === 'INVALID_ANNOTATION' && ZOD_FILE.test(log.id ?? '')) return false;
      return undefined;
    },
  };
}
