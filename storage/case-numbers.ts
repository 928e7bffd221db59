/** Daily case-number counters per implementation code (实施编码). */
import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/**
 * The next sequence number of the cases numbered under `code` on `day` (YYYY-MM-DD): 1, 2, 3 …
 * Keyed on the code the number starts with, so a number is unique whichever platforms share
 * the code. One upsert, atomic on both databases; call it inside the transaction that creates
 * the case so a rolled-back creation does not leave a gap behind a committed one.
 */
export async function nextCaseSequence(db: Db, code: string, day: string): Promise<number> {
  const rows: Array<{ seq: number | string }> = await db('case_number_counters')
    .insert({ code, day, seq: 1 })
    .onConflict(['code', 'day'])
    .merge({ seq: db.raw('?? + 1', ['case_number_counters.seq']) })
    .returning('seq');
  const row = rows[0];
  if (!row) throw new Error(`Case number counter for code "${code}" on ${day} returned no row.`);
  return Number(row.seq);
}
