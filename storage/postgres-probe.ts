/** Whether a PostgreSQL server answers, for tools that fall back or skip when it does not. */
import knexFactory from 'knex';

/** Why PostgreSQL at `url` cannot be used (password masked), or undefined when it answers. */
export async function postgresUnreachable(url: string): Promise<string | undefined> {
  const probe = knexFactory({ client: 'pg', connection: { connectionString: url, connectionTimeoutMillis: 3000 }, pool: { min: 0, max: 1 } });
  try {
    await probe.raw('select 1');
    return undefined;
  } catch (error) {
    return `${url.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message || String(error)}`;
  } finally {
    await probe.destroy();
  }
}
