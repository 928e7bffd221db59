/**
 * The yearly assessment (年度督导评估): each platform's summary of year Y is due by 31 January
 * of Y+1 (later ones are marked late); the province rates 优秀 / 合格 / 不合格 with comments; 不合格
 * opens a rectification with a deadline (working days on the platform's own calendar, or a
 * date); the platform reports it; the province closes it, or, past the deadline unrectified,
 * delists the platform (registry history in the same transaction); results are public once
 * the province publishes the year.
 */
import { createWorkingCalendar } from '../../engine/calendar/index.js';
import type { Actor } from '../../engine/runtime/case.js';
import {
  endRectification,
  getAssessment,
  listAssessments,
  publicationOf,
  publishYear,
  rateAssessment,
  reportRectification,
  saveSummary,
  type Assessment,
  type Rating,
} from '../../storage/assessments.js';
import { getFile } from '../../storage/files.js';
import { listRegistry, type RegistryEntry } from '../../storage/platform-registry.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { calendarFor, platformDefinition } from './bundles.js';
import { moveStatus, subtreeOf } from './registry.js';

/** End of 31 January of the next year, China time. */
export function summaryDueAt(year: number): string {
  return new Date(`${year + 1}-01-31T23:59:59.999+08:00`).toISOString();
}

/** The year from the path, or 400. */
export function yearOf(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2999) {
    throw Failure.fromProblems([{ code: 'request.year', path: '/year', message: `“${text}”不是有效年度，请写四位年份，如 2026。` }]);
  }
  return year;
}

const problem = (code: string, path: string, message: string) => Failure.fromProblems([{ code, path, message }]);

/** A platform admin submits (or, before it is rated, replaces) its summary of `year`. */
export async function submitSummaryAs(services: Services, actor: Actor, year: number, input: { summary: string; fileId?: string }): Promise<Assessment> {
  const now = services.now().toISOString();
  if (year > Number(now.slice(0, 4))) throw problem('assessment.year-future', '/year', `${year} 年度尚未开始，不能提交年度总结。`);
  if (input.summary.trim() === '') throw problem('assessment.summary-missing', '/summary', '请填写年度工作总结（工作开展情况、服务成效、特色亮点）。');
  if (input.fileId !== undefined) {
    const file = await getFile(services.db.knex, input.fileId);
    if (!file || file.ownerId !== actor.id || file.caseId !== null) throw problem('assessment.file-unknown', '/fileId', `找不到您上传的文件“${input.fileId}”；请先通过 POST /api/uploads 上传。`);
  }
  const existing = await getAssessment(services.db.knex, { platformId: actor.platformId, year });
  if (existing?.rating) throw problem('assessment.already-rated', '/summary', `${year} 年度总结已评定为 ${existing.rating}，不能再修改。`);
  await saveSummary(services.db.knex, {
    id: services.newId(), platformId: actor.platformId, year, summary: input.summary, fileId: input.fileId ?? null,
    submittedBy: actor.id, submittedAt: now, isLate: now > summaryDueAt(year),
  });
  return (await getAssessment(services.db.knex, { platformId: actor.platformId, year })) as Assessment;
}

export async function ownAssessment(services: Services, actor: Actor, year: number) {
  return { year, dueAt: summaryDueAt(year), assessment: (await getAssessment(services.db.knex, { platformId: actor.platformId, year })) ?? null };
}

/** The platforms the province assesses: every platform below it that is registered, not the province itself. */
async function assessedPlatforms(services: Services, provinceId: string): Promise<RegistryEntry[]> {
  return subtreeOf(await listRegistry(services.db.knex), provinceId).filter((e) => e.id !== provinceId);
}

/** The province's list of a year: each platform below it with its summary, or marked missing. */
export async function yearOverview(services: Services, actor: Actor, year: number) {
  const platforms = await assessedPlatforms(services, actor.platformId);
  const rows = new Map((await listAssessments(services.db.knex, year)).map((a) => [a.platformId, a]));
  const publication = await publicationOf(services.db.knex, { platformId: actor.platformId, year });
  return {
    year,
    dueAt: summaryDueAt(year),
    publishedAt: publication?.publishedAt ?? null,
    platforms: platforms.map((p) => ({ platformId: p.id, title: p.title, level: p.level, status: p.status, isMissing: !rows.has(p.id), assessment: rows.get(p.id) ?? null })),
  };
}

async function assessmentBelow(services: Services, actor: Actor, platformId: string, year: number): Promise<Assessment> {
  const below = (await assessedPlatforms(services, actor.platformId)).some((p) => p.id === platformId);
  const found = below ? await getAssessment(services.db.knex, { platformId, year }) : undefined;
  if (!found) throw Failure.notFound(`Assessment ${year} of platform`, platformId);
  return found;
}

export interface RatingInput {
  rating: Rating;
  comment: string;
  /** Required for unqualified: working days on the platform's calendar, or a date (YYYY-MM-DD). */
  deadline?: { workingDays: number } | { date: string };
}

async function deadlineOf(services: Services, platformId: string, input: RatingInput): Promise<string | null> {
  if (input.rating !== 'unqualified') return null;
  const now = services.now().toISOString();
  if (input.deadline === undefined) throw problem('assessment.deadline-missing', '/deadline', '评定为不合格时须给出整改期限：{ "workingDays": 20 } 或 { "date": "2027-06-30" }。');
  if ('workingDays' in input.deadline) {
    // A platform registered through a construction case has no definition yet: the official calendar then.
    const platform = await platformDefinition(services, platformId).catch(() => undefined);
    const calendar = platform ? calendarFor(services, platform) : createWorkingCalendar({ years: services.calendars, closures: [], extraWorkdays: [] });
    return calendar.dueAt(now, { value: input.deadline.workingDays, unit: 'workingDay' });
  }
  const due = new Date(`${input.deadline.date}T23:59:59.999+08:00`).toISOString();
  if (due <= now) throw problem('assessment.deadline-past', '/deadline/date', `整改期限 ${input.deadline.date} 已过，请给出今后的日期。`);
  return due;
}

export async function rateAs(services: Services, actor: Actor, year: number, platformId: string, input: RatingInput): Promise<Assessment> {
  const found = await assessmentBelow(services, actor, platformId, year);
  if (found.rating !== null) throw problem('assessment.already-rated', '/rating', `该平台 ${year} 年度已评定为 ${found.rating}。`);
  const dueAt = await deadlineOf(services, platformId, input);
  await rateAssessment(services.db.knex, { id: found.id, rating: input.rating, comment: input.comment, by: actor.id, at: services.now().toISOString(), rectificationDueAt: dueAt });
  return (await getAssessment(services.db.knex, { platformId, year })) as Assessment;
}

/** The platform admin records its rectification of an unqualified year. */
export async function reportRectificationAs(services: Services, actor: Actor, year: number, input: { report: string }): Promise<Assessment> {
  const found = await getAssessment(services.db.knex, { platformId: actor.platformId, year });
  if (!found?.rectification || !['open', 'reported'].includes(found.rectification.status)) {
    throw Failure.notFound(`Open rectification of ${year} for platform`, actor.platformId);
  }
  await reportRectification(services.db.knex, { id: found.id, report: input.report, at: services.now().toISOString() });
  return (await getAssessment(services.db.knex, { platformId: actor.platformId, year })) as Assessment;
}

function openRectification(found: Assessment) {
  if (!found.rectification || !['open', 'reported'].includes(found.rectification.status)) {
    throw problem('assessment.no-open-rectification', '', `该平台 ${found.year} 年度没有待处理的整改。`);
  }
  return found.rectification;
}

/** The province accepts the rectification: it is closed. */
export async function closeRectificationAs(services: Services, actor: Actor, year: number, platformId: string, input: { note: string }): Promise<Assessment> {
  const found = await assessmentBelow(services, actor, platformId, year);
  const rectification = openRectification(found);
  if (rectification.reportedAt === null) throw problem('assessment.not-reported', '', '平台尚未报送整改情况，不能确认整改完成。');
  await endRectification(services.db.knex, { id: found.id, status: 'closed', note: input.note, by: actor.id, at: services.now().toISOString() });
  return (await getAssessment(services.db.knex, { platformId, year })) as Assessment;
}

/** Past the deadline and not closed as rectified: the platform is delisted (摘牌), in one transaction. */
export async function delistUnrectifiedAs(services: Services, actor: Actor, year: number, platformId: string, input: { reason: string }): Promise<Assessment> {
  const found = await assessmentBelow(services, actor, platformId, year);
  const rectification = openRectification(found);
  const now = services.now().toISOString();
  if (now <= rectification.dueAt) throw problem('assessment.deadline-not-passed', '', `整改期限（${rectification.dueAt}）未到，期满未整改或整改不达标的才能摘牌。`);
  await services.db.transaction(async (tx) => {
    if (!(await endRectification(tx, { id: found.id, status: 'delisted', note: input.reason, by: actor.id, at: now }))) {
      throw new Failure('assessment.already-ended', 'The rectification was ended by someone else; reload it.');
    }
    await moveStatus(tx, { services, platformId, to: 'delisted', by: actor.id, reason: `${year} 年度督导评估不合格，期满未整改：${input.reason}`, caseId: null });
  });
  return (await getAssessment(services.db.knex, { platformId, year })) as Assessment;
}

export async function publishAs(services: Services, actor: Actor, year: number) {
  await publishYear(services.db.knex, { platformId: actor.platformId, year, by: actor.id, at: services.now().toISOString() });
  return publicResults(services, year);
}

/** The public results of a year: ratings of the platforms of every province that published it. */
export async function publicResults(services: Services, year: number) {
  const registry = await listRegistry(services.db.knex);
  const roots = registry.filter((e) => e.parentId === null);
  const published: Array<{ rootId: string; publishedAt: string }> = [];
  for (const root of roots) {
    const publication = await publicationOf(services.db.knex, { platformId: root.id, year });
    if (publication) published.push({ rootId: root.id, publishedAt: publication.publishedAt });
  }
  const rated = new Map((await listAssessments(services.db.knex, year)).filter((a) => a.rating !== null).map((a) => [a.platformId, a.rating as Rating]));
  const ratings = published.flatMap(({ rootId }) =>
    subtreeOf(registry, rootId).flatMap((p) => (rated.has(p.id) ? [{ platformId: p.id, title: p.title, level: p.level, rating: rated.get(p.id) as Rating }] : [])),
  );
  return { year, isPublished: published.length > 0, publishedAt: published[0]?.publishedAt ?? null, ratings };
}
