/**
 * Opening the product: database (migrated), calendars and services from a configuration.
 * The CLI, the server and the tests start here.
 */
import { openDatabase } from '../storage/database.js';
import type { Config } from './config.js';
import { loadCalendars } from './definition-files.js';
import { fillMissingQueues } from './operations/queue-backfill.js';
import { createServices, type Services } from './services.js';

export async function openServices(config: Config, overrides: { now?: () => Date; newId?: () => string } = {}): Promise<Services> {
  const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { sqliteFile: config.sqliteFile });
  await db.migrate();
  const services = createServices({ db, config, calendars: await loadCalendars(), ...overrides });
  await fillMissingQueues(services);
  return services;
}
