/**
 * Every standard read of the staff inbox is served by an index, never by a full scan of the
 * cases table: each view (first and deep keyset pages), the views by due date, mine by due
 * date, each kind of search, and the capped counts. The statements are the ones the storage
 * functions build (bench/inbox/inbox-reads.ts, from knex's `.toSQL()`), on a platform seeded
 * as the inbox benchmark seeds it. SQLite is asked with EXPLAIN QUERY PLAN after ANALYZE;
 * PostgreSQL with EXPLAIN (FORMAT JSON) and sequential scans disabled, which asks whether an
 * index CAN serve the statement (on a small table the planner would rightly scan it anyway).
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { inboxReads, type InboxRead, type Statement } from '../../bench/inbox/inbox-reads.js';
import { seedInbox } from '../../bench/inbox/inbox-seed.js';
import { seedDemo, silentReporter } from '../../server/cli/seed-demo.js';
import { loadConfig } from '../../server/config.js';
import { loadCalendars } from '../../server/definition-files.js';
import { createServices } from '../../server/services.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';

const SIZE = 3000;
const NOW = new Date('2026-09-21T01:00:00.000Z');

/** How the cases table is read in a plan: by which indexes, and whether anywhere by a full table scan. */
interface CasesAccess {
  indexes: string[];
  isTableScanned: boolean;
  plan: string;
}

async function sqliteAccess(knex: Knex, statement: Statement): Promise<CasesAccess> {
  const rows: Array<{ detail: string }> = await knex.raw(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.bindings as Knex.RawBinding[]);
  const details = rows.map((r) => r.detail);
  const onCases = details.filter((d) => /^(SCAN|SEARCH) cases\b/.test(d));
  return {
    indexes: onCases.flatMap((d) => /USING (?:COVERING )?INDEX (\w+)/.exec(d)?.[1] ?? (/USING INTEGER PRIMARY KEY|PRIMARY KEY/.test(d) ? ['primary key'] : [])),
    isTableScanned: onCases.some((d) => /^SCAN cases$/.test(d)),
    plan: details.join(' / '),
  };
}

type PgNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PgNode[] };

async function postgresAccess(knex: Knex, statement: Statement): Promise<CasesAccess> {
  const plan = await knex.transaction(async (tx) => {
    await tx.raw('SET LOCAL enable_seqscan = off');
    const result = await tx.raw(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.bindings as Knex.RawBinding[]);
    return (result.rows[0]['QUERY PLAN'] as Array<{ Plan: PgNode }>)[0]!.Plan;
  });
  const nodes: PgNode[] = [];
  const walk = (node: PgNode) => {
    nodes.push(node);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  const onCases = nodes.filter((n) => n['Relation Name'] === 'cases' || (n['Index Name'] ?? '').startsWith('cases'));
  return {
    indexes: onCases.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])),
    isTableScanned: onCases.some((n) => n['Node Type'] === 'Seq Scan'),
    plan: nodes.map((n) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}`).join(' / '),
  };
}

forEachDatabase('storage: every standard inbox read uses an index', (target) => {
  let store: TestStore;
  let filesDir: string;
  let reads: InboxRead[];

  before(async function () {
    this.timeout(180_000);
    store = await target.createStore();
    filesDir = await mkdtemp(join(tmpdir(), 'ipsp-inbox-indexes-'));
    const services = createServices({ db: store.db, config: { ...loadConfig({}), filesDir }, calendars: await loadCalendars(), now: () => NOW });
    await seedDemo(services, silentReporter);
    const seed = await seedInbox(services, SIZE);
    // Deep pages (page 20 of a view here; 50 and 500 at the benchmark's million) and counts
    // capped below the views' sizes, so the capped statements are the ones asked about.
    reads = await inboxReads({ services, actor: seed.staff, searches: seed.searches, deepPages: [20], cap: 100 });
  });

  after(async () => {
    await store?.dispose();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('given the seeded platform, when the reads are listed, then every view, order, search kind, deep page and count is among them', () => {
    const labels = reads.map((r) => r.label);
    for (const view of ['toAccept', 'inProgress', 'dueSoon', 'overdue', 'returned', 'mine', 'all']) {
      expect(labels, view).to.include(`${view}, page 1`);
    }
    for (const due of ['toAccept', 'overdue', 'mine', 'all']) expect(labels, due).to.include(`${due}, order=due, page 1`);
    expect(labels, 'deep pages').to.include.members(['inProgress, page 20', 'all, page 20', 'all, order=due, page 20']);
    expect(reads.filter((r) => r.group === 'searches').map((r) => r.label.split(' (')[1]?.split(')')[0])).to.include.members(['number', 'applicant', 'item']);
    const counts = reads.filter((r) => r.group === 'counts');
    expect(counts.map((r) => r.statements.length), 'a count per view; one pass, then a count per view past the cap').to.deep.equal([7, 8]);
  });

  it('given each read, when its statements are explained, then the cases table is read through an index and never scanned whole', async function () {
    this.timeout(60_000);
    const knex = store.db.knex;
    const failures: string[] = [];
    for (const read of reads) {
      for (const statement of read.statements) {
        const access = target.dialect === 'sqlite' ? await sqliteAccess(knex, statement) : await postgresAccess(knex, statement);
        if (access.isTableScanned || access.indexes.length === 0) failures.push(`${read.label}: ${access.plan}`);
      }
    }
    expect(failures).to.deep.equal([]);
  });
});
