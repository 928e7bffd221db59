/**
 * In one query, a platform's lineage and a fingerprint of the definitions it sees: what a cache
 * of loaded definitions checks before every use, so a definition another process published is
 * picked up on the next request, at the cost of a single round trip.
 */
import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/** Deeper than any real lineage (province, city, county …); stops a cycle in bad data. */
const MAX_DEPTH = 32;

export interface LineageFingerprint {
  /** The platform and its ancestors, nearest first; empty for an unknown platform. */
  lineage: string[];
  /** Changes whenever a definition of the lineage is published or retired. */
  fingerprint: string;
}

/**
 * The lineage of `platformId` and the count and latest `published_at` of the published or
 * retired definitions along it.
 *
 * @example const { lineage, fingerprint } = await lineageFingerprint(knex, 'mianyang');
 */
export async function lineageFingerprint(db: Db, platformId: string): Promise<LineageFingerprint> {
  const rows: Array<{ id: string; n: unknown; last: unknown }> = await db
    .withRecursive('lineage', ['id', 'parent_id', 'depth'], (cte) =>
      cte
        .select('id', 'parent_id', db.raw('0'))
        .from('platforms')
        .where({ id: platformId })
        .unionAll((up) =>
          up
            .select('p.id', 'p.parent_id', db.raw('?? + 1', ['l.depth']))
            .from('platforms as p')
            .join('lineage as l', 'p.id', 'l.parent_id')
            .where('l.depth', '<', MAX_DEPTH),
        ),
    )
    .select('l.id', 'f.n', 'f.last')
    .from('lineage as l')
    .crossJoin(db.raw('(?) as ??', [definitionsSeen(db), 'f']))
    .orderBy('l.depth');
  // A cycle repeats ids: the lineage ends where it first comes back, as platformLineage's does.
  const lineage: string[] = [];
  for (const row of rows) {
    if (lineage.includes(row.id)) break;
    lineage.push(row.id);
  }
  const first = rows[0];
  return { lineage, fingerprint: `${lineage.join('>')}|${String(first?.n ?? 0)}|${String(first?.last ?? '')}` };
}

/** Count and latest publication of the definitions of the `lineage` rows. */
function definitionsSeen(db: Db): Knex.QueryBuilder {
  return db('definitions')
    .whereIn('platform_id', db.select('id').from('lineage'))
    .whereIn('status', ['published', 'retired'])
    .count({ n: '*' })
    .max({ last: 'published_at' });
}
