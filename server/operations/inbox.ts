/**
 * The case lists of the desk and the portal: inbox views (待受理, 办理中, 即将到期, 已逾期,
 * 已退回补正, 我的, 全部) with their counts, search by case number, applicant or item, and
 * keyset pages of summaries that name the item, the step and the people. An applicant's list
 * is always only their own cases.
 */
import type { Actor, CaseStatus } from '../../engine/runtime/case.js';
import { entriesOf } from '../../engine/load/index.js';
import { textOf } from '../../engine/text.js';
import { countCasesByFilter, countCasesUpTo, type CappedCount, type CountFilter } from '../../storage/case-counts.js';
import { listCaseListings, type CaseListing, type CaseFilter } from '../../storage/cases.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { pinnedBundleForCase } from './bundles.js';
import { isStaffLike } from './case-access.js';
import { visibleDefinitions } from './visible-definitions.js';

export const INBOX_VIEWS = ['toAccept', 'inProgress', 'dueSoon', 'overdue', 'returned', 'mine', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export interface CaseListQuery {
  view?: InboxView;
  status?: CaseStatus;
  step?: string;
  isMine?: boolean;
  /** Part of a case number, an applicant's name or an item's title. */
  q?: string;
  order?: 'updated' | 'due';
  limit?: number;
  after?: string;
}

/** The conditions of a view at `now`. "mine" means assigned to me for staff, and is every own case for an applicant. */
function viewFilter(view: InboxView, actor: Actor, now: string): CountFilter {
  switch (view) {
    case 'toAccept':
    case 'inProgress':
    case 'returned':
      return { queue: view };
    case 'dueSoon':
      return { status: 'open', warnedBy: now };
    case 'overdue':
      return { status: 'open', dueBy: now };
    case 'mine':
      return isStaffLike(actor) ? { status: 'open', assigneeId: actor.id } : {};
    case 'all':
      return {};
  }
}

/** Ids of the items the platform offers whose title contains `text`. */
async function itemsTitled(services: Services, platformId: string, text: string): Promise<string[]> {
  const { set } = await visibleDefinitions(services, platformId);
  const wanted = text.toLowerCase();
  return entriesOf(set, 'ServiceItem')
    .filter(({ definition }) => [textOf(definition.title), textOf(definition.title, 'en')].some((title) => title.toLowerCase().includes(wanted)))
    .map(({ definition }) => definition.id);
}

/** The caller's scope: the platform, and only their own cases for applicants. */
async function scopeOf(services: Services, actor: Actor, q: string | undefined): Promise<CaseFilter> {
  const text = q?.trim();
  return {
    platformId: actor.platformId,
    ...(isStaffLike(actor) ? {} : { applicantId: actor.id }),
    ...(text ? { search: { text, itemIds: await itemsTitled(services, actor.platformId, text) } } : {}),
  };
}

/** The storage filter of the caller's cases a list query selects at `now` (the inbox's, and the case export's). */
export async function caseListFilter(services: Services, actor: Actor, query: CaseListQuery, now: string): Promise<CaseFilter> {
  return {
    ...(await scopeOf(services, actor, query.q)),
    ...(query.view ? viewFilter(query.view, actor, now) : {}),
    ...(query.isMine && isStaffLike(actor) ? { assigneeId: actor.id } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.step ? { step: query.step } : {}),
  };
}

/** A page of the caller's cases, keyset-paged (`next` is the cursor of the following page). */
export async function listCasesFor(services: Services, actor: Actor, query: CaseListQuery) {
  const now = services.now().toISOString();
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const filter = await caseListFilter(services, actor, query, now);
  let page;
  try {
    page = await listCaseListings(services.db.knex, { ...filter, ...(query.order ? { order: query.order } : {}), ...(query.after ? { after: query.after } : {}), limit });
  } catch (error) {
    if (error instanceof RangeError || error instanceof SyntaxError) throw new Failure('request.cursor', 'Invalid case list cursor; pass the `next` value of the previous page unchanged.');
    throw error;
  }
  return { cases: await summarizeListings(services, page.listings, now), next: page.next ?? null };
}

/** Counts stop here: past it the desk shows "10,000+", and a count of a million cases costs what one of ten thousand does. */
export const INBOX_COUNT_CAP = 10_000;

/** How many cases each view holds, up to the cap; `capped` names the views holding more than their figure. */
export type InboxCounts = Record<InboxView, number> & { capped: InboxView[] };

/** What the counts count: the caller's scope (with the search) and each view's conditions at the services' now. */
export async function countFiltersFor(services: Services, actor: Actor, query: { q?: string }): Promise<{ scope: CaseFilter; filters: Record<InboxView, CountFilter> }> {
  const now = services.now().toISOString();
  const scope = await scopeOf(services, actor, query.q);
  return { scope, filters: Object.fromEntries(INBOX_VIEWS.map((view) => [view, viewFilter(view, actor, now)])) as Record<InboxView, CountFilter> };
}

/**
 * How many of the caller's cases each view holds now (matching `q` when given), each counted
 * no further than `cap` (default {@link INBOX_COUNT_CAP}). Without a search each view is
 * counted on its own index; with one, all views in one pass over the matching cases when they
 * are no more than the cap, since a search reads the platform's cases anyway.
 */
export async function countCasesFor(services: Services, actor: Actor, query: { q?: string; cap?: number }): Promise<InboxCounts> {
  const cap = query.cap ?? INBOX_COUNT_CAP;
  const { scope, filters } = await countFiltersFor(services, actor, query);
  let counted: Record<InboxView, CappedCount>;
  if (scope.search) counted = await countCasesByFilter(services.db.knex, scope, filters, cap);
  else {
    counted = {} as Record<InboxView, CappedCount>;
    for (const view of INBOX_VIEWS) counted[view] = await countCasesUpTo(services.db.knex, { ...scope, ...filters[view] }, cap);
  }
  const counts = Object.fromEntries(INBOX_VIEWS.map((view) => [view, counted[view].count])) as Record<InboxView, number>;
  return { ...counts, capped: INBOX_VIEWS.filter((view) => counted[view].isCapped) };
}

/** How a time limit stands at `now` from the earliest due and warning times, as `dueStateOf` reads them from the running clocks. */
function dueStateAt(listing: Pick<CaseListing, 'dueAt' | 'warnAt'>, now: string): 'ok' | 'dueSoon' | 'overdue' | null {
  if (listing.dueAt === null) return null;
  const at = Date.parse(now);
  if (Date.parse(listing.dueAt) <= at) return 'overdue';
  return listing.warnAt !== null && Date.parse(listing.warnAt) <= at ? 'dueSoon' : 'ok';
}

/** Summaries in list order: the item and step by their titles, applicant and assignee by name, and how the time limit stands. */
export async function summarizeListings(services: Services, listings: CaseListing[], now: string) {
  const summaries = [];
  for (const listing of listings) {
    const titles = await titlesOf(services, listing);
    summaries.push({
      id: listing.id,
      number: listing.number,
      itemId: listing.pins.item.id,
      itemTitle: titles.item,
      status: listing.status,
      step: listing.step,
      stepTitle: titles.step,
      channel: listing.channel,
      applicantId: listing.applicantId,
      applicantName: listing.applicantName,
      assigneeId: listing.assigneeId,
      assigneeName: listing.assigneeName,
      dueAt: listing.dueAt,
      warnAt: listing.warnAt,
      dueState: dueStateAt(listing, now),
      version: listing.version,
      createdAt: listing.createdAt,
      updatedAt: listing.updatedAt,
    });
  }
  return summaries;
}

/** The pinned item's and current step's titles; the ids when the pinned definitions cannot be had. */
async function titlesOf(services: Services, kase: CaseListing): Promise<{ item: string; step: string }> {
  try {
    const bundle = await pinnedBundleForCase(services, kase);
    return { item: textOf(bundle.item.title), step: textOf(bundle.workflow.steps[kase.step]?.title) || kase.step };
  } catch (error) {
    if (error instanceof Failure) return { item: kase.pins.item.id, step: kase.step };
    throw error;
  }
}
