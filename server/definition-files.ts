/**
 * Reading definition documents from folders (the province library, an import, calendars),
 * each tagged with its file so problems point at it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadDefinitions } from '../engine/load/index.js';
import type { Calendar } from '../engine/kinds/calendar.js';
import { definitionsDir, projectRoot } from './paths.js';

export interface DefinitionFile {
  file: string;
  doc: unknown;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every *.json document under the folders; a file that is not JSON is reported, not skipped. */
export async function readDefinitionFiles(dirs: string[]): Promise<{ files: DefinitionFile[]; errors: string[] }> {
  const files: DefinitionFile[] = [];
  const errors: string[] = [];
  for (const dir of dirs) {
    for (const path of await jsonFilesUnder(dir)) {
      const file = relative(projectRoot, path).startsWith('..') ? path : relative(projectRoot, path);
      try {
        files.push({ file, doc: JSON.parse(await readFile(path, 'utf8')) });
      } catch (error) {
        errors.push(`${file}: not valid JSON (${(error as Error).message})`);
      }
    }
  }
  return { files, errors };
}

/** The official working-day calendars under definitions/calendars/, validated, by year. */
export async function loadCalendars(dir = join(definitionsDir, 'calendars')): Promise<Calendar[]> {
  const { files, errors } = await readDefinitionFiles([dir]);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const loaded = loadDefinitions(files);
  if (!loaded.ok) throw new Error(`Calendars do not load:\n${loaded.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n')}`);
  return [...loaded.set.byKind.Calendar.values()].map((e) => e.definition).sort((a, b) => a.year - b.year);
}
