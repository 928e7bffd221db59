/**
 * What every storage contract suite needs from the database it runs on. The same suites run
 * on SQLite (tests/storage/sqlite.test.ts) and PostgreSQL (tests/storage/postgres.test.ts).
 */
import type { Database } from '../../../storage/database.js';

export interface Store {
  /** A migrated database handle, fresh for this suite. */
  db: Database;
  /** Another handle (own connection/pool) on the same database, for concurrency tests. */
  openAnother(): Promise<Database>;
}

export interface ContractContext {
  dialect: 'sqlite' | 'postgres';
  /** Creates an empty, migrated database; the harness drops it and closes handles in `dispose`. */
  createStore(options?: { isMigrated?: boolean }): Promise<Store & { dispose(): Promise<void> }>;
}

/** Registers before/after hooks giving the suite its own store; read `.current` inside tests. */
export function useStore(ctx: ContractContext, options?: { isMigrated?: boolean }): { current: Store } {
  const holder = {} as { current: Store; dispose?: () => Promise<void> };
  before(async () => {
    const store = await ctx.createStore(options);
    holder.current = store;
    holder.dispose = store.dispose;
  });
  after(async () => {
    await holder.dispose?.();
  });
  return holder;
}
