/**
 * What every storage contract suite needs from the database it runs on: a database target of
 * tests/support/databases.ts (a real SQLite file, or the real PostgreSQL with a fresh schema).
 */
import type { DatabaseTarget, TestStore } from '../../support/databases.js';

export type Store = Omit<TestStore, 'dispose'>;
export type ContractContext = DatabaseTarget;

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
