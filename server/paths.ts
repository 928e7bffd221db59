/**
 * Where the project's data folders are, whether running from source (tsx) or from dist/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const definitionsDir = join(projectRoot, 'definitions');
/** The built front end (npm run build:designer writes it from designer/). */
export const designerDistDir = join(projectRoot, 'dist', 'designer');
