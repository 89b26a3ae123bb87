/** A folder on disk as the importer's `SourceFolder` (core/import/types.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFolder } from '../../core/import/types';

export function diskFolder(root: string): SourceFolder {
  let files: string[] | undefined;
  return {
    list() {
      if (files) return files;
      const out: string[] = [];
      const walk = (dir: string) => {
        for (const d of readdirSync(dir, { withFileTypes: true })) {
          const p = join(dir, d.name);
          if (d.isDirectory()) walk(p);
          else if (d.isFile()) out.push(relative(root, p).split(sep).join('/'));
        }
      };
      walk(root);
      return (files = out);
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
  };
}
