/**
 * Services whose database is an open transaction: for reads that must happen inside it, such
 * as building the response an idempotent request records in the transaction that made the
 * resource (a read on the root knex there would escape the transaction, and on SQLite wait
 * for the one connection the transaction holds).
 */
import type { Knex } from 'knex';
import type { Services } from '../services.js';

/** `services` with every query going through `tx`; nested transactions become savepoints. */
export function servicesWithin(services: Services, tx: Knex.Transaction): Services {
  return { ...services, db: { ...services.db, knex: tx, transaction: (work) => tx.transaction(work) } };
}
