/**
 * The case lists of the desk and the portal: inbox views (待受理, 办理中, 即将到期, 已逾期,
 * 已退回补正, 我的, 全部) with their counts, search by case number, applicant or item, and
 * keyset pages of summaries that name the item, the step and the people. An applicant's list
 * is always only their own cases.
 */
import { dueStateOf, nextDueAt, nextWarnAt } from '../../engine/runtime/clocks.js';
import type { Actor, Case, CaseStatus } from '../../engine/runtime/case.js';
import { entriesOf } from '../../engine/load/index.js';
import { textOf } from '../../engine/text.js';
import { countCases, countCasesByFilter, listCases, type CaseFilter } from '../../storage/cases.js';
import { displayNames } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForCase } from './bundles.js';
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
function viewFilter(view: InboxView, actor: Actor, now: string): Partial<CaseFilter> {
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
    page = await listCases(services.db.knex, { ...filter, ...(query.order ? { order: query.order } : {}), ...(query.after ? { after: query.after } : {}), limit });
  } catch (error) {
    if (error instanceof RangeError || error instanceof SyntaxError) throw new Failure('request.cursor', 'Invalid case list cursor; pass the `next` value of the previous page unchanged.');
    throw error;
  }
  return { cases: await summarizeCases(services, page.cases, now), next: page.next ?? null };
}

/**
 * How many of the caller's cases each view holds now (matching `q` when given). Without a
 * search each view is counted on its own index; with one, all views in one pass over the
 * matching cases, since a search reads every case of the platform anyway.
 */
export async function countCasesFor(services: Services, actor: Actor, query: { q?: string }): Promise<Record<InboxView, number>> {
  const now = services.now().toISOString();
  const scope = await scopeOf(services, actor, query.q);
  const filters = Object.fromEntries(INBOX_VIEWS.map((view) => [view, viewFilter(view, actor, now)])) as Record<InboxView, Partial<CaseFilter>>;
  if (scope.search) return countCasesByFilter(services.db.knex, scope, filters);
  const counts = {} as Record<InboxView, number>;
  for (const view of INBOX_VIEWS) counts[view] = await countCases(services.db.knex, { ...scope, ...filters[view] });
  return counts;
}

/** Summaries in list order: the item and step by their titles, applicant and assignee by name, and how the time limit stands. */
export async function summarizeCases(services: Services, cases: Case[], now: string) {
  const names = await displayNames(services.db.knex, cases.flatMap((c) => [c.applicantId, ...(c.assigneeId ? [c.assigneeId] : [])]));
  const summaries = [];
  for (const kase of cases) {
    const titles = await titlesOf(services, kase);
    summaries.push({
      id: kase.id,
      number: kase.number,
      itemId: kase.pins.item.id,
      itemTitle: titles.item,
      status: kase.status,
      step: kase.step,
      stepTitle: titles.step,
      channel: kase.channel ?? 'online',
      applicantId: kase.applicantId,
      applicantName: names.get(kase.applicantId) ?? null,
      assigneeId: kase.assigneeId ?? null,
      assigneeName: kase.assigneeId ? (names.get(kase.assigneeId) ?? null) : null,
      dueAt: nextDueAt(kase),
      warnAt: nextWarnAt(kase),
      dueState: dueStateOf(kase, now),
      version: kase.version,
      createdAt: kase.createdAt,
      updatedAt: kase.updatedAt,
    });
  }
  return summaries;
}

/** The pinned item's and current step's titles; the ids when the pinned definitions cannot be had. */
async function titlesOf(services: Services, kase: Case): Promise<{ item: string; step: string }> {
  try {
    const bundle = await bundleForCase(services, kase);
    return { item: textOf(bundle.item.title), step: textOf(bundle.workflow.steps[kase.step]?.title) || kase.step };
  } catch (error) {
    if (error instanceof Failure) return { item: kase.pins.item.id, step: kase.step };
    throw error;
  }
}
