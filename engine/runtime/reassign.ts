/**
 * Reassigning a case (转办): staff hand an open case to another staff member. The runner has
 * already checked the new assignee is staff of the case's platform (that needs the accounts);
 * the engine checks the case is open and the actor may reassign, and records the fact.
 */
import type { Problem } from '../problem.js';
import type { Case } from './case.js';
import type { AssignCommand, DecideContext, Decision } from './decision.js';
import { finish } from './act.js';
import { createDraft, record } from './draft.js';
import { effectiveRoles } from './rule-context.js';

/** Roles that may hand a case to someone else. */
export const REASSIGNING_ROLES = ['staff', 'platform-admin'] as const;

/** Decides an assign command: the case's assignee becomes `assigneeId` (case.reassigned). */
export function decideAssign(caseState: Case, command: AssignCommand, context: DecideContext): Decision {
  const problems = checkAssign(caseState, command, context);
  if (problems.length > 0) return { ok: false, problems };
  const draft = createDraft({ caseState, context, actorId: context.actor.id });
  const from = draft.case.assigneeId ?? null;
  draft.case.assigneeId = command.assigneeId;
  record(draft, 'case.reassigned', { from, to: command.assigneeId });
  return finish(draft);
}

function checkAssign(caseState: Case, command: AssignCommand, context: DecideContext): Problem[] {
  if (caseState.status !== 'open') {
    return [{ code: 'case.closed', path: '', message: `办件 ${caseState.number} 已办结（${caseState.status}），不能再转办。` }];
  }
  const roles = effectiveRoles(context.actor, caseState);
  if (!REASSIGNING_ROLES.some((role) => roles.includes(role))) {
    return [{ code: 'case.forbidden', path: '', message: `转办只能由以下角色执行：${REASSIGNING_ROLES.join('、')}。` }];
  }
  if (caseState.assigneeId === command.assigneeId) {
    return [{ code: 'case.assignee-unchanged', path: '/userId', message: `办件 ${caseState.number} 已由该工作人员承办，无需转办。` }];
  }
  return [];
}
