/**
 * How long `ipsp audit verify` takes over a long trail (goal E3: 10^6 records in at most 60 s).
 * Fills a fresh SQLite file (and PostgreSQL, when reachable) with a valid chain of COUNT records
 * (default 1,000,000) written in batches, then times verifyAuditChain, the operation the CLI runs.
 *
 *   npx tsx bench/audit-verify.ts [count]        figures go in docs/security.md "Audit"
 *
 * The chain head's forward-only trigger is dropped in these throwaway databases so the head can
 * jump to the last record at once; everything the verifier reads is as the application writes it.
 */
import { auditHash, GENESIS_HASH, type AuditEntry } from '../storage/audit-records.js';
import { dialectOf, writeJson } from '../storage/columns.js';
import type { Database } from '../storage/database.js';
import { verifyAuditChain } from '../server/operations/audit-verify.js';
import { benchPostgresUrl, postgresTarget, postgresUnreachable, sqliteTarget, type BenchTarget } from './bench-targets.js';

const count = Number(process.argv[2] ?? 1_000_000);
const BATCH = 500;

function entry(n: number): AuditEntry {
  return {
    at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    platformId: n % 3 === 0 ? 'sichuan-province' : 'mianyang',
    userId: `user-${n % 97}`,
    roles: ['staff'],
    action: 'POST /api/cases/:caseId/actions/:action',
    objectId: { caseId: `0b6f2a3c-${String(n).padStart(12, '0')}`, action: 'accept' },
    result: n % 11 === 0 ? 'failure' : 'success',
    status: n % 11 === 0 ? 409 : 200,
    sourceIp: '10.0.0.1',
    requestId: `req-${n}`,
    detail: n % 11 === 0 ? { code: 'case.version-conflict' } : {},
  };
}

async function fill(db: Database): Promise<void> {
  const { knex } = db;
  await knex.raw(dialectOf(knex) === 'postgres' ? 'DROP TRIGGER audit_chain_head_forward ON audit_chain_head' : 'DROP TRIGGER audit_chain_head_forward');
  let prevHash = GENESIS_HASH;
  for (let start = 1; start <= count; start += BATCH) {
    const rows: Array<Record<string, unknown>> = [];
    for (let seq = start; seq < Math.min(start + BATCH, count + 1); seq += 1) {
      const record = { ...entry(seq), seq };
      const hash = auditHash(prevHash, record);
      rows.push({ seq, at: record.at, platform_id: record.platformId, user_id: record.userId, roles: writeJson(record.roles), action: record.action, object_id: writeJson(record.objectId), result: record.result, status: record.status, source_ip: record.sourceIp, request_id: record.requestId, detail: writeJson(record.detail), prev_hash: prevHash, hash });
      prevHash = hash;
    }
    await db.transaction((tx) => tx('audit_records').insert(rows));
    if (start % 100_000 === 1) process.stderr.write(`  filled ${start - 1}\n`);
  }
  await knex('audit_chain_head').where({ id: 1 }).update({ seq: count, hash: prevHash });
}

async function measure(target: BenchTarget): Promise<void> {
  const store = await target.open();
  try {
    const filling = Date.now();
    await fill(store.db);
    const filledS = (Date.now() - filling) / 1000;
    const started = Date.now();
    const result = await verifyAuditChain(store.db.knex);
    const seconds = (Date.now() - started) / 1000;
    if (result.firstBreak || result.count !== count) throw new Error(`the chain did not verify: ${JSON.stringify(result)}`);
    console.log(`${target.label}: verified ${count} records in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} records/s; filled in ${filledS.toFixed(0)} s)`);
  } finally {
    await store.dispose();
  }
}

await measure(sqliteTarget('FULL'));
const unreachable = await postgresUnreachable(benchPostgresUrl);
if (unreachable === undefined) await measure(postgresTarget(benchPostgresUrl));
else console.log(`PostgreSQL not measured: ${unreachable}`);
