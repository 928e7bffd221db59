/**
 * The thin-knex baseline: the same rows written the plain way with knex's query builder in
 * `db.transaction` (on SQLite the same BEGIN IMMEDIATE client the product uses), no engine,
 * no reads besides the version guard.
 */
import type { Database } from '../../storage/database.js';
import { staleBaselineCase, type BaselineWriter } from './baseline-driver.js';
import { baselineNow, baselinePlatformId } from './baseline-rows.js';

/** Writes each transition with knex: counter upsert + case insert, or guarded case update; then events and notices. */
export function knexWriter(db: Database): BaselineWriter {
  return {
    async write(rows, op) {
      await db.transaction(async (tx) => {
        if (op.phase === 'start') {
          await tx('case_number_counters')
            .insert({ code: baselinePlatformId, day: baselineNow.slice(0, 10), seq: 1 })
            .onConflict(['code', 'day'])
            .merge({ seq: tx.raw('?? + 1', ['case_number_counters.seq']) });
          await tx('cases').insert(rows.caseRow);
        } else {
          const { step, status, version, body, updated_at } = rows.caseRow;
          const changed = await tx('cases').where({ id: op.caseId, version: op.version }).update({ step, status, version, body, updated_at });
          if (changed !== 1) throw staleBaselineCase(op);
        }
        if (rows.events.length > 0) await tx('case_events').insert(rows.events);
        if (rows.outbox.length > 0) await tx('outbox').insert(rows.outbox);
      });
    },
    async countCases() {
      const all = await db.knex('cases').where({ platform_id: baselinePlatformId }).count({ n: '*' }).first();
      const withdrawn = await db.knex('cases').where({ platform_id: baselinePlatformId, status: 'withdrawn' }).count({ n: '*' }).first();
      return { written: Number(all?.n ?? 0), withdrawn: Number(withdrawn?.n ?? 0) };
    },
    close: () => db.close(),
  };
}
