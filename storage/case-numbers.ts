/** Daily case-number counters per platform. */
import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/**
 * The next sequence number for a platform's cases on `day` (YYYY-MM-DD): 1, 2, 3 …
 * One upsert, atomic on both databases; call it inside the transaction that creates the case
 * so a rolled-back creation does not leave a gap behind a committed one.
 */
export async function nextCaseSequence(db: Db, platformId: string, day: string): Promise<number> {
  const rows: Array<{ seq: number | string }> = await db('case_numbers')
    .insert({ platform_id: platformId, day, seq: 1 })
    .onConflict(['platform_id', 'day'])
    .merge({ seq: db.raw('?? + 1', ['case_numbers.seq']) })
    .returning('seq');
  const row = rows[0];
  if (!row) throw new Error(`Case number counter for platform "${platformId}" on ${day} returned no row.`);
  return Number(row.seq);
}
