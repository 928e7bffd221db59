/** What a statistics query counts over: which platforms, optionally which items, and the period. */
import type { Knex } from 'knex';

export interface FigureScope {
  platformIds: string[];
  /** Only these items; absent for every item. */
  itemIds?: string[];
  /** First and last local day of the period (Asia/Shanghai, YYYY-MM-DD, both included). */
  fromDay: string;
  toDay: string;
  /** The same period as instants: from its first day's start, until (excluding) the start of the day after its last. */
  fromAt: string;
  untilAt: string;
}

/** A row of counts as the drivers return it: PostgreSQL sums come back as strings. */
export type CountRow = Record<string, string | number | null>;

/** A count column read as a number (null sums, e.g. over no rows, read 0). */
export const countOf = (row: CountRow, name: string): number => Number(row[name] ?? 0);

/** Restricts `builder` to the scope's platforms and items, on the table aliased `alias`. */
export function inScope(builder: Knex.QueryBuilder, scope: FigureScope, alias: string): Knex.QueryBuilder {
  builder.whereIn(`${alias}.platform_id`, scope.platformIds);
  if (scope.itemIds !== undefined) builder.whereIn(`${alias}.item_id`, scope.itemIds);
  return builder;
}
