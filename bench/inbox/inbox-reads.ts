/**
 * Every standard read of the staff inbox, each twice: as our operation runs it (`ours`:
 * listCasesFor / countCasesFor, summaries and all) and as the SQL statements the storage
 * functions build for it (`statements`, from knex's `.toSQL()` of listCasesQuery as
 * listCaseListings runs it, countCasesQuery and countCasesByFilterQuery) — so a baseline can send the very same SQL
 * through the bare driver, and the index test can EXPLAIN exactly what the inbox sends.
 */
import type { Knex } from 'knex';
import type { Actor } from '../../engine/runtime/case.js';
import {
  caseListFilter,
  countCasesFor,
  countFiltersFor,
  INBOX_COUNT_CAP,
  INBOX_VIEWS,
  listCasesFor,
  type CaseListQuery,
  type InboxView,
} from '../../server/operations/inbox.js';
import type { Services } from '../../server/services.js';
import { countCasesByFilterQuery, countCasesQuery } from '../../storage/case-counts.js';
import { listCases, listCasesQuery } from '../../storage/cases.js';

/** A page of the desk: 20 summaries. */
export const PAGE_SIZE = 20;

/** One SQL statement as knex would send it: `?` placeholders and their values. */
export interface Statement {
  sql: string;
  bindings: readonly unknown[];
}

export type ReadGroup = 'views' | 'byDue' | 'searches' | 'counts';

/** One read of the inbox, ours and as bare SQL. */
export interface InboxRead {
  group: ReadGroup;
  label: string;
  /** The page read (1 = first), for list reads. */
  page?: number;
  /** Cases the list or search holds, or the number of counts. */
  matching: number;
  ours(): Promise<unknown>;
  /** The SQL our storage sends for it, in order (a count of every view is seven statements). */
  statements: Statement[];
}

const statementOf = (builder: Knex.QueryBuilder): Statement => {
  const { sql, bindings } = builder.toSQL();
  return { sql, bindings };
};

/**
 * The cursor that starts page `page` of a list (undefined for the first), found by following
 * the storage's keyset paging as `next` would: one page of `(page - 1) × 20` cases.
 */
async function cursorOfPage(services: Services, actor: Actor, query: CaseListQuery, page: number): Promise<string | undefined> {
  if (page === 1) return undefined;
  const filter = await caseListFilter(services, actor, query, services.now().toISOString());
  const { next } = await listCases(services.db.knex, { ...filter, ...(query.order ? { order: query.order } : {}), limit: (page - 1) * PAGE_SIZE });
  return next;
}

/** A list read of `page`, or undefined when the list has no such page. */
async function listRead(services: Services, actor: Actor, input: { group: ReadGroup; label: string; query: CaseListQuery; page: number; matching: number }): Promise<InboxRead | undefined> {
  if ((input.page - 1) * PAGE_SIZE >= input.matching) return undefined;
  const after = await cursorOfPage(services, actor, input.query, input.page);
  const query: CaseListQuery = { ...input.query, ...(after ? { after } : {}), limit: PAGE_SIZE };
  const filter = await caseListFilter(services, actor, query, services.now().toISOString());
  const builder = listCasesQuery(services.db.knex, { ...filter, ...(query.order ? { order: query.order } : {}), ...(after ? { after } : {}), limit: PAGE_SIZE }, 'listing');
  return {
    group: input.group,
    label: `${input.label}, page ${input.page}`,
    page: input.page,
    matching: input.matching,
    ours: () => listCasesFor(services, actor, query),
    statements: [statementOf(builder)],
  };
}

/** The statements of `countCasesFor`: one capped count per view, or one pass under a search (then one per view past the cap). */
async function countStatements(services: Services, actor: Actor, q: string | undefined, cap: number): Promise<Statement[]> {
  const knex = services.db.knex;
  const { scope, filters } = await countFiltersFor(services, actor, q ? { q } : {});
  const perView = INBOX_VIEWS.map((view) => statementOf(countCasesQuery(knex, { ...scope, ...filters[view] }, cap)));
  if (!scope.search) return perView;
  const onePass = countCasesByFilterQuery(knex, { scope, counts: filters, cap });
  const { total } = (await onePass.clone().first()) as { total: number | string };
  return Number(total) > cap ? [statementOf(onePass), ...perView] : [statementOf(onePass)];
}

export interface ReadsInput {
  services: Services;
  actor: Actor;
  /** Texts that find cases: part of a number, an applicant's name, an item's title. */
  searches: Record<string, string>;
  /** Pages of each list to read besides the first, where the list is that long (e.g. 50, 500). */
  deepPages: number[];
  /** Where counts stop (the inbox's cap unless a test asks for less). */
  cap?: number;
}

/** Every standard read: each view, the views by due date, mine by due date, the searches, the counts; first and deep pages. */
export async function inboxReads(input: ReadsInput): Promise<InboxRead[]> {
  const { services, actor } = input;
  const cap = input.cap ?? INBOX_COUNT_CAP;
  const exact = await countCasesFor(services, actor, { cap: Number.MAX_SAFE_INTEGER });
  const pages = [1, ...input.deepPages];
  const reads: InboxRead[] = [];
  const addList = async (group: ReadGroup, label: string, query: CaseListQuery, matching: number) => {
    for (const page of pages) {
      const read = await listRead(services, actor, { group, label, query, page, matching });
      if (read) reads.push(read);
    }
  };
  for (const view of INBOX_VIEWS) await addList('views', view, { view }, exact[view]);
  for (const view of ['toAccept', 'overdue', 'dueSoon', 'mine', 'all'] as InboxView[]) await addList('byDue', `${view}, order=due`, { view, order: 'due' }, exact[view]);
  for (const [what, q] of Object.entries(input.searches)) {
    const matching = (await countCasesFor(services, actor, { q, cap: Number.MAX_SAFE_INTEGER })).all;
    await addList('searches', `all, q=${q} (${what})`, { view: 'all', q }, matching);
  }
  for (const q of [undefined, input.searches.item]) {
    reads.push({
      group: 'counts',
      label: `counts of the ${INBOX_VIEWS.length} views${q ? `, q=${q}` : ''}`,
      matching: INBOX_VIEWS.length,
      ours: () => countCasesFor(services, actor, { ...(q ? { q } : {}), cap }),
      statements: await countStatements(services, actor, q, cap),
    });
  }
  return reads;
}
