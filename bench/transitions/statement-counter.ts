/**
 * Counts the statements a knex handle sends (BEGIN and COMMIT included), through knex's own
 * `query` event: the one figure of a transition that does not move with the machine's load.
 */
import type { Knex } from 'knex';

export interface StatementCounter {
  /** Statements sent since the counter started. */
  count(): number;
  stop(): void;
}

/** Starts counting what `knex` sends; `stop()` removes the listener. */
export function countStatements(knex: Knex): StatementCounter {
  let sent = 0;
  const onQuery = () => {
    sent += 1;
  };
  knex.on('query', onQuery);
  return { count: () => sent, stop: () => knex.off('query', onQuery) };
}
