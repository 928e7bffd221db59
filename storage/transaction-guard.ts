/**
 * The test-mode guard "no query escapes its transaction": while `db.transaction(work)` runs,
 * a query that `work` (or anything it awaits) sends on the root knex instead of on `tx` throws
 * at once, naming its SQL.
 *
 * Why: such a query runs outside the transaction (it neither sees the transaction's writes nor
 * rolls back with it), and on SQLite, whose pool holds one connection, it waits for the
 * connection the transaction itself holds: a hang until knex's acquire timeout ("Are you missing
 * a .transacting(trx) call?", knex#1171). On PostgreSQL it hangs only when the pool is full,
 * i.e. under load. The guard makes the mistake fail on the first run instead.
 *
 * On when `IPSP_TX_GUARD=1` (the test support sets it) or when asked for in `openDatabase`.
 * Each escape is also recorded in {@link transactionEscapes}, so a test can prove the guard
 * caught one even where the product swallowed the error.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';

/** The transaction open in the current async context; `isOpen` turns false when it ends. */
interface OpenTransaction {
  isOpen: boolean;
  knex: Knex;
}

const openTransactions = new AsyncLocalStorage<OpenTransaction>();

/** Every escape the guard refused in this process, oldest first. */
export const transactionEscapes: Array<{ sql: string; at: string }> = [];

/** Whether the environment asks for the guard (`IPSP_TX_GUARD=1`). */
export function isGuardRequested(): boolean {
  return process.env.IPSP_TX_GUARD === '1';
}

/** The error an escaping query fails with; its message names the SQL. */
export class TransactionEscapeError extends Error {
  constructor(readonly sql: string) {
    super(
      `A query escaped its transaction: "${sql}" ran on the root knex while a transaction of the same request was open. ` +
        'Pass the transaction (tx) to the function that sent it.',
    );
    this.name = 'TransactionEscapeError';
  }
}

function refuse(sql: string): never {
  transactionEscapes.push({ sql, at: new Date().toISOString() });
  throw new TransactionEscapeError(sql);
}

function isInsideTransactionOf(knex: Knex): boolean {
  const open = openTransactions.getStore();
  return open !== undefined && open.isOpen && open.knex === knex;
}

/** The SQL of a builder, or what it is when it cannot say. */
function sqlOf(builder: { toString?: () => string }): string {
  try {
    return String(builder.toString?.() ?? builder);
  } catch {
    return '(unprintable query)';
  }
}

/**
 * Makes root queries inside a transaction of this knex throw. Patches only the root client:
 * knex gives every transaction its own client object, so transaction queries pass untouched.
 */
export function guardRootQueries(knex: Knex): void {
  const client = knex.client as { runner(builder: unknown): unknown };
  const runner = client.runner.bind(client);
  client.runner = (builder: { toString?: () => string }) => {
    if (isInsideTransactionOf(knex)) refuse(sqlOf(builder));
    return runner(builder);
  };
}

/**
 * Runs `work` in a transaction, marking the async context as inside it for the guard. A
 * transaction started inside another one (a second connection, so an escape too) is refused.
 */
export async function guardedTransaction<T>(knex: Knex, work: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
  if (isInsideTransactionOf(knex)) refuse('BEGIN (a second transaction inside an open one)');
  return knex.transaction(async (tx) => {
    const open: OpenTransaction = { isOpen: true, knex };
    try {
      return await openTransactions.run(open, () => work(tx));
    } finally {
      open.isOpen = false;
    }
  });
}
