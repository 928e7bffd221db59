/**
 * The platform's reply to an applicant's evaluation (好差评 回复). The evaluation itself is the
 * engine's (it records it and, for a bad one, opens the rectification task); the reply comes
 * after, often on a closed case, so it is no workflow action: it is appended to the case's
 * timeline as `case.evaluation-replied`, bumps the case version like any change, and the
 * applicant gets an in-app message. One reply per evaluation; the timeline never changes.
 */
import type { Actor, Case, Evaluation } from '../../engine/runtime/case.js';
import { appendEvents, listEventsOfType, type StoredCaseEvent } from '../../storage/case-events.js';
import { updateCase, getCaseVersion } from '../../storage/cases.js';
import { ConflictError } from '../../storage/errors.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { visibleCase } from './case-access.js';
import { checkVersion } from './cases.js';
import { queueInAppNotice } from './direct-notice.js';
import { requiredText } from './required-text.js';

export const EVALUATION_REPLIED = 'case.evaluation-replied';

export interface EvaluationView {
  level: Evaluation['level'];
  comment: string | null;
  at: string;
  reply: { text: string; at: string; by: string | null } | null;
}

/** The latest evaluation of the case with the reply to it, from the case's reply events. */
export function evaluationView(kase: Case, replies: StoredCaseEvent[]): EvaluationView | null {
  const latest = kase.evaluations.at(-1);
  if (!latest) return null;
  const reply = replies.filter((e) => e.caseId === kase.id && e.data['evaluationAt'] === latest.at).at(-1);
  return {
    level: latest.level,
    comment: latest.comment ?? null,
    at: latest.at,
    reply: reply ? { text: String(reply.data['text']), at: reply.at, by: reply.actorId } : null,
  };
}

/** The latest evaluation and its reply, read for one case. */
export async function evaluationOf(services: Services, kase: Case): Promise<EvaluationView | null> {
  if (kase.evaluations.length === 0) return null;
  return evaluationView(kase, await listEventsOfType(services.db.knex, [kase.id], EVALUATION_REPLIED));
}

/**
 * Staff reply to the latest evaluation of a case they may see, at the case version they saw (so
 * a reply is never attached to an evaluation or a case state they did not read); returns the
 * case as stored.
 */
export async function replyToEvaluation(services: Services, actor: Actor, caseId: string, input: { text: string; version: number }): Promise<Case> {
  const kase = await visibleCase(services, actor, caseId);
  checkVersion(kase, input.version);
  const text = requiredText(input.text, { path: '/text', code: 'evaluation.reply-empty', what: '回复内容' });
  const current = await evaluationOf(services, kase);
  if (!current) throw new Failure('evaluation.not-evaluated', `Case ${kase.number} has no evaluation to reply to.`);
  if (current.reply) throw new Failure('evaluation.already-replied', `The evaluation of case ${kase.number} was already replied to; reload the case to see the reply.`);
  const at = services.now().toISOString();
  const next: Case = { ...kase, updatedAt: at };
  await services.db.transaction(async (tx) => {
    // The version check serializes this with actions and with a second reply racing it.
    if (!(await updateCase(tx, next, kase.version))) throw new ConflictError(kase.id, kase.version, await getCaseVersion(tx, kase.id));
    await appendEvents(tx, kase.id, [{ type: EVALUATION_REPLIED, at, actorId: actor.id, data: { text, evaluationAt: current.at, level: current.level } }]);
    await queueInAppNotice(services, tx, {
      platformId: kase.platformId,
      caseId: kase.id,
      recipientUserId: kase.applicantId,
      noticeId: services.newId(),
      purpose: 'evaluation-reply',
      subject: `对您评价的回复（办件 ${kase.number}）`,
      body: text,
      at,
    });
  });
  return { ...next, version: kase.version + 1 };
}
