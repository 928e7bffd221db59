/**
 * What operations need, passed in once: the database, file store, configuration, the clock
 * and id source (injected so tests drive time), the calendar years, and the caches.
 */
import { randomUUID } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Calendar } from '../engine/kinds/calendar.js';
import type { Database } from '../storage/database.js';
import { FileStore } from '../storage/file-store.js';
import type { Config } from './config.js';
import { DefinitionCache } from './operations/definition-cache.js';
import { designerDistDir } from './paths.js';

export interface Services {
  db: Database;
  files: FileStore;
  config: Config;
  /** The current instant; tests replace it to move time across holidays. */
  now: () => Date;
  newId: () => string;
  /** Official working-day calendar years, loaded from definitions/calendars/. */
  calendars: Calendar[];
  definitions: DefinitionCache;
}

/**
 * Refuses a file store inside the folder express serves as static files (the built front
 * end): stored uploads must only ever leave through the checked download route.
 */
export function assertFilesNotServed(filesDir: string, servedDir = designerDistDir): void {
  const fromServed = relative(resolve(servedDir), resolve(filesDir));
  if (fromServed === '' || (!fromServed.startsWith('..') && !isAbsolute(fromServed))) {
    throw new Error(`FILES_DIR (${filesDir}) lies inside the served folder ${servedDir}; put uploads elsewhere.`);
  }
}

export function createServices(input: { db: Database; config: Config; calendars: Calendar[]; now?: () => Date; newId?: () => string }): Services {
  assertFilesNotServed(input.config.filesDir);
  return {
    db: input.db,
    files: new FileStore(input.config.filesDir),
    config: input.config,
    now: input.now ?? (() => new Date()),
    newId: input.newId ?? randomUUID,
    calendars: input.calendars,
    definitions: new DefinitionCache(),
  };
}
