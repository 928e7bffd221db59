/**
 * How a statement reads its tables, as the database plans it: which indexes, and which tables
 * (or their aliases) it reads from end to end. SQLite answers EXPLAIN QUERY PLAN (a `SCAN` reads
 * a table or an index whole, a `SEARCH` a bounded range); PostgreSQL answers EXPLAIN (FORMAT
 * JSON) with sequential scans disabled, which asks whether an index CAN serve the statement
 * (on a small table the planner would rightly scan it anyway).
 */
import type { Knex } from 'knex';

export interface PlanAccess {
  indexes: string[];
  /** Tables or aliases read whole. */
  scanned: string[];
  /** The plan in one line, for failure messages. */
  plan: string;
}

async function sqlitePlan(knex: Knex, statement: Knex.Sql): Promise<PlanAccess> {
  const rows: Array<{ detail: string }> = await knex.raw(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.bindings as Knex.RawBinding[]);
  const details = rows.map((r) => r.detail);
  return {
    indexes: details.flatMap((d) => /USING (?:COVERING )?INDEX (\w+)/.exec(d)?.[1] ?? (/PRIMARY KEY/.test(d) ? ['primary key'] : [])),
    scanned: details.flatMap((d) => /^SCAN (\w+)/.exec(d)?.[1] ?? []),
    plan: details.join(' / '),
  };
}

type PgNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PgNode[] };

const flatten = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

async function postgresPlan(knex: Knex, statement: Knex.Sql): Promise<PlanAccess> {
  const root = await knex.transaction(async (tx) => {
    await tx.raw('SET LOCAL enable_seqscan = off');
    const result = await tx.raw(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.bindings as Knex.RawBinding[]);
    return (result.rows[0]['QUERY PLAN'] as Array<{ Plan: PgNode }>)[0]!.Plan;
  });
  const nodes = flatten(root);
  return {
    indexes: nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])),
    scanned: nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'] as string),
    plan: nodes.map((n) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}`).join(' / '),
  };
}

/**
 * The plan of `statement` (from a query builder's `.toSQL()`) on `dialect`.
 *
 * @example const access = await planAccess(knex, 'sqlite', builder.toSQL()); expect(access.scanned).to.deep.equal([])
 */
export function planAccess(knex: Knex, dialect: 'sqlite' | 'postgres', statement: Knex.Sql): Promise<PlanAccess> {
  return dialect === 'sqlite' ? sqlitePlan(knex, statement) : postgresPlan(knex, statement);
}
