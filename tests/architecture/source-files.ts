/**
 * Reading our own source for architecture rules: the .ts files under a folder, the module
 * specifiers a file imports (TypeScript's own pre-processor, so static, re-export, dynamic
 * and type-only imports all count), and a file's code with its comments removed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../../server/paths.js';

export interface SourceFile {
  /** Path from the project root, with forward slashes. */
  path: string;
  text: string;
}

/** Every .ts and .tsx file under the project folder `folder`, sorted by path. */
export async function sourceFiles(folder: string): Promise<SourceFile[]> {
  const entries = await readdir(join(projectRoot, folder), { withFileTypes: true, recursive: true });
  const paths = entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(projectRoot, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(projectRoot, path), 'utf8') })));
}

/** The module specifiers `text` imports or re-exports, statically or dynamically. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * `text` with every comment blanked out; strings and code untouched. Comment ranges come from
 * the parsed tree (every node and token), so a `//` inside a string, regex or template is not
 * mistaken for one.
 */
export function withoutComments(text: string): string {
  const file = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  const ranges = new Map<number, number>();
  const visit = (node: ts.Node): void => {
    for (const range of [...(ts.getLeadingCommentRanges(text, node.pos) ?? []), ...(ts.getTrailingCommentRanges(text, node.end) ?? [])]) {
      ranges.set(range.pos, range.end);
    }
    for (const child of node.getChildren(file)) visit(child);
  };
  visit(file);
  let code = text;
  for (const [pos, end] of ranges) code = code.slice(0, pos) + code.slice(pos, end).replace(/[^\n]/g, ' ') + code.slice(end);
  return code;
}

/** The number of lines of `text` (a final newline does not start another line). */
export function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}
