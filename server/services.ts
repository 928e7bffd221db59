/**
 * What operations need, passed in once: the database, file store, configuration, the clock
 * and id source (injected so tests drive time), the calendar years, and the caches.
 */
import { randomUUID } from 'node:crypto';
import type { Calendar } from '../engine/kinds/calendar.js';
import type { Database } from '../storage/database.js';
import { FileStore } from '../storage/file-store.js';
import type { Config } from './config.js';
import { DefinitionCache } from './operations/definition-cache.js';

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

export function createServices(input: { db: Database; config: Config; calendars: Calendar[]; now?: () => Date; newId?: () => string }): Services {
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
