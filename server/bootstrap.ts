/**
 * Opening the product: database (migrated), calendars and services from a configuration.
 * The CLI, the server and the tests start here.
 */
import { openDatabase, type Database } from '../storage/database.js';
import type { Config } from './config.js';
import { loadCalendars } from './definition-files.js';
import { personalDataKeyring } from './operations/deployment-secret.js';
import { fillMissingQueues } from './operations/queue-backfill.js';
import { createServices, type Services } from './services.js';

/** The configured database with the deployment's personal-data keyring (not migrated yet). */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const keyring = await personalDataKeyring(config);
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl, keyring } : { sqliteFile: config.sqliteFile, synchronous: config.sqliteSynchronous, keyring });
}

export async function openServices(config: Config, overrides: { now?: () => Date; newId?: () => string } = {}): Promise<Services> {
  const db = await openConfiguredDatabase(config);
  await db.migrate();
  const services = createServices({ db, config, calendars: await loadCalendars(), ...overrides });
  await fillMissingQueues(services);
  return services;
}
