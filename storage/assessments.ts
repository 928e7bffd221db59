/** The yearly assessment rows: summaries, ratings, rectifications, and published years. */
import type { Knex } from 'knex';
import { readBoolean, readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export type Rating = 'excellent' | 'qualified' | 'unqualified';
export type RectificationStatus = 'open' | 'reported' | 'closed' | 'delisted';

export interface Assessment {
  id: string;
  platformId: string;
  year: number;
  summary: string;
  fileId: string | null;
  submittedBy: string;
  submittedAt: string;
  isLate: boolean;
  rating: Rating | null;
  comment: string | null;
  ratedAt: string | null;
  rectification: {
    status: RectificationStatus;
    dueAt: string;
    report: string | null;
    reportedAt: string | null;
    note: string | null;
    closedAt: string | null;
  } | null;
}

function toAssessment(row: Record<string, unknown>): Assessment {
  const status = (row.rectification_status as RectificationStatus | null) ?? null;
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    year: Number(row.year),
    summary: row.summary as string,
    fileId: (row.file_id as string | null) ?? null,
    submittedBy: row.submitted_by as string,
    submittedAt: readInstant(row.submitted_at) as string,
    isLate: readBoolean(row.is_late),
    rating: (row.rating as Rating | null) ?? null,
    comment: (row.comment as string | null) ?? null,
    ratedAt: readInstant(row.rated_at),
    rectification: status === null ? null : {
      status,
      dueAt: readInstant(row.rectification_due_at) as string,
      report: (row.rectification_report as string | null) ?? null,
      reportedAt: readInstant(row.rectification_reported_at),
      note: (row.rectification_note as string | null) ?? null,
      closedAt: readInstant(row.rectification_closed_at),
    },
  };
}

export async function getAssessment(db: Db, key: { platformId: string; year: number }): Promise<Assessment | undefined> {
  const row = await db('platform_assessments').where({ platform_id: key.platformId, year: key.year }).first();
  return row ? toAssessment(row) : undefined;
}

export async function listAssessments(db: Db, year: number): Promise<Assessment[]> {
  return (await db('platform_assessments').where({ year }).orderBy('platform_id')).map(toAssessment);
}

/** Stores a summary: a new row, or the unrated row of the same platform and year replaced. */
export async function saveSummary(db: Db, input: Pick<Assessment, 'id' | 'platformId' | 'year' | 'summary' | 'fileId' | 'submittedBy' | 'submittedAt' | 'isLate'>): Promise<void> {
  const columns = { summary: input.summary, file_id: input.fileId, submitted_by: input.submittedBy, submitted_at: writeInstant(input.submittedAt), is_late: input.isLate };
  const updated = await db('platform_assessments').where({ platform_id: input.platformId, year: input.year }).whereNull('rating').update(columns);
  if (Number(updated) === 0) await db('platform_assessments').insert({ id: input.id, platform_id: input.platformId, year: input.year, ...columns });
}

/** Rates an assessment; an unqualified one opens its rectification with the deadline. */
export async function rateAssessment(db: Db, input: { id: string; rating: Rating; comment: string; by: string; at: string; rectificationDueAt: string | null }): Promise<void> {
  await db('platform_assessments').where({ id: input.id }).update({
    rating: input.rating,
    comment: input.comment,
    rated_by: input.by,
    rated_at: writeInstant(input.at),
    rectification_status: input.rectificationDueAt === null ? null : 'open',
    rectification_due_at: writeInstant(input.rectificationDueAt),
  });
}

export async function reportRectification(db: Db, input: { id: string; report: string; at: string }): Promise<void> {
  await db('platform_assessments').where({ id: input.id }).update({ rectification_status: 'reported', rectification_report: input.report, rectification_reported_at: writeInstant(input.at) });
}

/** Ends a rectification: closed (rectified) or delisted (not rectified by the deadline). */
export async function endRectification(db: Db, input: { id: string; status: 'closed' | 'delisted'; note: string; by: string; at: string }): Promise<boolean> {
  const updated = await db('platform_assessments')
    .where({ id: input.id })
    .whereIn('rectification_status', ['open', 'reported'])
    .update({ rectification_status: input.status, rectification_note: input.note, rectification_closed_by: input.by, rectification_closed_at: writeInstant(input.at) });
  return Number(updated) === 1;
}

export async function publicationOf(db: Db, key: { platformId: string; year: number }): Promise<{ publishedAt: string } | undefined> {
  const row = await db('assessment_publications').where({ platform_id: key.platformId, year: key.year }).first();
  return row ? { publishedAt: readInstant(row.published_at) as string } : undefined;
}

export async function publishYear(db: Db, input: { platformId: string; year: number; by: string; at: string }): Promise<void> {
  if (await publicationOf(db, input)) return;
  await db('assessment_publications').insert({ platform_id: input.platformId, year: input.year, published_at: writeInstant(input.at), published_by: input.by });
}
