/**
 * Deciding an appeal against a review (申诉复核): an admin of the case's platform or of a
 * platform above it upholds it — the review is set aside: statistics leave it out, the
 * rectification it opened is closed saying why, the applicant is told in-app — or rejects it,
 * and the review and its rectification stand. A decision is final; the HTTP audit trail
 * records it with the appeal and its outcome.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { evaluationLevelLabel } from '../../engine/labels.js';
import { getCase } from '../../storage/cases.js';
import { decideAppeal, getAppeal, type AppealRecord } from '../../storage/evaluation-appeals.js';
import { closeTask, listTasks } from '../../storage/tasks.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { appealPlatforms, appealView, type AppealView } from './evaluation-appeals.js';
import { queueInAppNotice } from './direct-notice.js';

export type AppealDecision = 'upheld' | 'rejected';

/** The task kind a bad review opens (the standard workflow's `openTask: rectification`). */
const RECTIFICATION = 'rectification';

/** The appeal if the admin may decide it; otherwise the same not-found a missing appeal gives. */
async function decidableAppeal(services: Services, actor: Actor, appealId: string): Promise<AppealRecord> {
  const appeal = await getAppeal(services.db.knex, appealId);
  if (!appeal || !(await appealPlatforms(services, actor)).includes(appeal.platformId)) throw Failure.notFound('EvaluationAppeal', appealId);
  return appeal;
}

/** An instant as the applicant reads it, in China time. */
const localTime = (instant: string): string => new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const alreadyDecided = (appeal: AppealRecord) =>
  new Failure('evaluation.already-decided', `申诉（办件 ${appeal.caseNumber}）已有复核结论，结论为最终结论，不能再改。`);

/**
 * Decides an open appeal.
 *
 * @example await decideAppealAs(services, cityAdmin, appealId, { decision: 'upheld', note: '经核实为误评' })
 */
export async function decideAppealAs(services: Services, actor: Actor, appealId: string, input: { decision: AppealDecision; note?: string }): Promise<AppealView> {
  const appeal = await decidableAppeal(services, actor, appealId);
  if (appeal.status !== 'open') throw alreadyDecided(appeal);
  const at = services.now().toISOString();
  const note = input.note?.trim() || null;
  await services.db.transaction(async (tx) => {
    if (!(await decideAppeal(tx, { id: appeal.id, status: input.decision, by: actor.id, at, note }))) throw alreadyDecided(appeal);
    if (input.decision !== 'upheld') return;
    // The rectification a review opened was opened by the same decision, so at the evaluation's instant.
    const opened = await listTasks(tx, { platformId: appeal.platformId, caseId: appeal.caseId, status: 'open' });
    const result = `申诉复核成立，该评价不计入统计，整改终止。${note ?? ''}`.trim();
    for (const task of opened.filter((t) => t.kind === RECTIFICATION && new Date(t.createdAt).getTime() === new Date(appeal.evaluationAt).getTime())) {
      await closeTask(tx, { id: task.id, at, result, by: actor.id });
    }
    const kase = await getCase(tx, appeal.caseId);
    if (!kase) return;
    await queueInAppNotice(services, tx, {
      platformId: kase.platformId,
      caseId: kase.id,
      recipientUserId: kase.applicantId,
      noticeId: services.newId(),
      purpose: 'evaluation-appeal',
      subject: `关于您对办件 ${kase.number} 的评价的复核结果`,
      body: `您于 ${localTime(appeal.evaluationAt)} 给出的“${evaluationLevelLabel(appeal.level)}”评价经平台申诉复核，认定为误评或不实评价，不计入满意度统计。${note ? `复核意见：${note}` : ''}`,
      at,
    });
  });
  return appealView((await getAppeal(services.db.knex, appeal.id)) as AppealRecord);
}
