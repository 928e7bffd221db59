/**
 * The inbox queue a case sits in, read from its workflow: what the staff desk's views filter on.
 * Stages say where in the flow a step is; who may act in it says whose turn it is.
 */
import type { Workflow } from '../kinds/workflow.js';
import type { Case } from './case.js';

/**
 * - `draft`: not submitted yet (the start step or the consult stage);
 * - `toAccept`: in the accept stage and staff may act (待受理);
 * - `returned`: in the accept stage and only the applicant may act (退回补正);
 * - `inProgress`: accepted and not ended (implement, feedback, supervise stages);
 * - `waiting`: a step no one acts in (passed through automatically);
 * - `done`: ended (completed, rejected or withdrawn).
 */
export type CaseQueue = 'draft' | 'toAccept' | 'returned' | 'inProgress' | 'waiting' | 'done';

const ACCEPTED_STAGES = new Set(['implement', 'feedback', 'supervise']);
const STAFF_ROLES = new Set(['staff', 'platform-admin']);

/**
 * The queue of a case in its current step.
 *
 * @example caseQueue({ ...kase, step: 'supplement' }, standardFlow) // 'returned'
 */
export function caseQueue(kase: Pick<Case, 'status' | 'step'>, workflow: Workflow): CaseQueue {
  if (kase.status !== 'open') return 'done';
  const step = workflow.steps[kase.step];
  if (kase.step === workflow.start || step?.stage === 'consult') return 'draft';
  if (step?.stage !== undefined && ACCEPTED_STAGES.has(step.stage)) return 'inProgress';
  const roles = new Set(Object.values(step?.actions ?? {}).flatMap((action) => action.roles));
  if ([...roles].some((role) => STAFF_ROLES.has(role))) return 'toAccept';
  return roles.has('applicant') ? 'returned' : 'waiting';
}
