/**
 * Appeals against a review (申诉复核, domain §4.3: "Wrong or malicious reviews go through
 * 申诉复核"). Staff of the case's platform appeal one bad evaluation within the platform's
 * appeal limit (settings.evaluationAppeal, default 5 working days on its calendar), giving a
 * reason; an admin decides it (evaluation-appeals-decision.ts). One appeal per evaluation.
 */
import type { Limit } from '../../engine/kinds/common.js';
import type { Actor, Case, Evaluation } from '../../engine/runtime/case.js';
import { limitText } from '../../engine/labels.js';
import { insertAppeal, listAppeals, getAppeal, type AppealRecord, type AppealStatus } from '../../storage/evaluation-appeals.js';
import { listPlatforms } from '../../storage/platforms.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { calendarFor, platformDefinition } from './bundles.js';
import { visibleCase } from './case-access.js';
import { subtreeOf } from './network-overview.js';
import { requiredText } from './required-text.js';

/** The appeal limit when the platform sets none: a working week, as most local 好差评 rules give. */
export const DEFAULT_APPEAL_LIMIT: Limit = { value: 5, unit: 'workingDay' };

export interface AppealView {
  id: string;
  caseId: string;
  caseNumber: string;
  platformId: string;
  evaluationAt: string;
  level: number;
  reason: string;
  status: AppealStatus;
  filedAt: string;
  filedByName: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
}

export function appealView(record: AppealRecord): AppealView {
  return {
    id: record.id,
    caseId: record.caseId,
    caseNumber: record.caseNumber ?? '',
    platformId: record.platformId,
    evaluationAt: record.evaluationAt,
    level: record.level,
    reason: record.reason,
    status: record.status,
    filedAt: record.filedAt,
    filedByName: record.filedByName ?? null,
    decidedAt: record.decidedAt,
    decidedByName: record.decidedByName ?? null,
    decisionNote: record.decisionNote,
  };
}

const sameInstant = (a: string, b: string): boolean => new Date(a).getTime() === new Date(b).getTime();

/** The evaluation of the case given at `evaluationAt`; a problem at /evaluationAt otherwise. */
export function evaluationAt(kase: Case, at: string): Evaluation {
  const found = Number.isNaN(new Date(at).getTime()) ? undefined : kase.evaluations.find((e) => sameInstant(e.at, at));
  if (found) return found;
  const code = 'evaluation.appeal-target-unknown';
  const message = `办件 ${kase.number} 没有在 ${at} 给出的评价；请从该办件的评价中选择要申诉的一条。`;
  throw new Failure(code, message, [{ code, path: '/evaluationAt', message }]);
}

/** Refuses an appeal filed after the platform's appeal limit, counted from the evaluation on the platform calendar. */
async function checkInTime(services: Services, kase: Case, evaluation: Evaluation): Promise<void> {
  const platform = await platformDefinition(services, kase.platformId);
  const limit = platform.settings.evaluationAppeal ?? DEFAULT_APPEAL_LIMIT;
  const due = calendarFor(services, platform).dueAt(evaluation.at, limit);
  if (services.now().getTime() <= new Date(due).getTime()) return;
  const code = 'evaluation.appeal-too-late';
  const message = `评价给出后 ${limitText(limit)}内方可申诉复核（截至 ${due}）；办件 ${kase.number} 的这条评价已超过申诉期限。`;
  throw new Failure(code, message, [{ code, path: '/evaluationAt', message }], { dueAt: due });
}

/**
 * Files an appeal against one bad evaluation of a case the staff member may see.
 *
 * @example await fileAppeal(services, staff, caseId, { evaluationAt: '2026-09-30T02:00:00.000Z', reason: '评价人误操作' })
 */
export async function fileAppeal(services: Services, actor: Actor, caseId: string, input: { evaluationAt: string; reason: string }): Promise<AppealView> {
  const kase = await visibleCase(services, actor, caseId);
  const reason = requiredText(input.reason, { path: '/reason', code: 'evaluation.appeal-reason-empty', what: '申诉理由' });
  const evaluation = evaluationAt(kase, input.evaluationAt);
  if (evaluation.level > 2) {
    const code = 'evaluation.appeal-not-bad';
    throw new Failure(code, `只有差评（不满意、非常不满意）可以申诉复核；这条评价为 ${evaluation.level} 级。`, [{ code, path: '/evaluationAt', message: '只有差评可以申诉复核。' }]);
  }
  await checkInTime(services, kase, evaluation);
  const id = services.newId();
  const isNew = await insertAppeal(services.db.knex, {
    id,
    platformId: kase.platformId,
    caseId: kase.id,
    evaluationAt: evaluation.at,
    level: evaluation.level,
    reason,
    filedBy: actor.id,
    filedAt: services.now().toISOString(),
  });
  if (!isNew) throw new Failure('evaluation.already-appealed', `办件 ${kase.number} 的这条评价已申诉过；每条评价只能申诉一次，复核结论为最终结论。`);
  return appealView((await getAppeal(services.db.knex, id)) as AppealRecord);
}

/** The platforms whose appeals the actor sees: an admin its own and those below it, others their own. */
export async function appealPlatforms(services: Services, actor: Actor): Promise<string[]> {
  if (!actor.roles.includes('platform-admin')) return [actor.platformId];
  return subtreeOf(await listPlatforms(services.db.knex), actor.platformId).map((p) => p.id);
}

/** The appeals the actor may see, newest first, optionally of one status or one case. */
export async function appealsFor(services: Services, actor: Actor, query: { status?: AppealStatus; caseId?: string }): Promise<AppealView[]> {
  const platformIds = await appealPlatforms(services, actor);
  return (await listAppeals(services.db.knex, { platformIds, ...query })).map(appealView);
}
