/**
 * The checks an action must pass before anything changes: the case is open, the action exists
 * in the current step, the actor holds one of its roles, the payload has what it requires, and
 * only actions that accept them get files, data or verdicts.
 */
import type { Action, Step } from '../kinds/workflow.js';
import { pointer, type Problem } from '../problem.js';
import { didYouMean } from '../suggest.js';
import type { Actor, Case } from './case.js';
import type { ActCommand } from './decision.js';
import { effectiveRoles } from './rule-context.js';

/** The action to take, or the problems that stop it. */
export type ActionLookup = { ok: true; action: Action } | { ok: false; problems: Problem[] };

/** Finds the action in the case's current step and checks the case is open and the actor may take it. */
export function findAction(args: { caseState: Case; step: Step; actor: Actor; name: string }): ActionLookup {
  const { caseState, step, actor, name } = args;
  if (caseState.status !== 'open') {
    return fail({ code: 'case.closed', path: '', message: `办件 ${caseState.number} 已办结（${caseState.status}），不能再执行“${name}”。` });
  }
  const actions = step.actions ?? {};
  const action = actions[name];
  if (action === undefined) {
    const hint = didYouMean(name, Object.keys(actions));
    const available = Object.keys(actions).join('", "');
    return fail({
      code: 'case.action-unknown',
      path: '/action',
      message: `Step "${caseState.step}" has no action "${name}" (available: "${available}").${hint.text}`,
      ...(hint.suggestion === undefined ? {} : { suggestion: hint.suggestion }),
    });
  }
  const roles = effectiveRoles(actor, caseState);
  if (!action.roles.some((role) => roles.includes(role))) {
    return fail({
      code: 'case.forbidden',
      path: '/action',
      message: `“${name}”只能由以下角色执行：${action.roles.join('、')}${action.roles.includes('applicant') ? '（申请人指本办件的申请人）' : ''}。`,
    });
  }
  return { ok: true, action };
}

/** Problems with what the command carries: required payload fields, and files/data/verdicts the action does not accept. */
export function checkCommandShape(action: Action, command: ActCommand): Problem[] {
  const payload = command.payload ?? {};
  const problems: Problem[] = (action.requires ?? [])
    .filter((key) => isBlank(payload[key]))
    .map((key) => ({ code: 'case.payload-missing', path: pointer('payload', key), message: `“${command.action}”需要填写 ${key}。` }));
  const refuse = (part: 'files' | 'data' | 'verdicts', isAccepted: boolean | undefined) => {
    if (command[part] !== undefined && isAccepted !== true) {
      problems.push({
        code: `case.${part}-not-accepted`,
        path: `/${part}`,
        message: `Action "${command.action}" does not accept ${part}: send them with an action that does (acceptsMaterials / acceptsVerdicts).`,
      });
    }
  };
  refuse('files', action.acceptsMaterials);
  refuse('data', action.acceptsMaterials);
  refuse('verdicts', action.acceptsVerdicts);
  return problems;
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function fail(problem: Problem): ActionLookup {
  return { ok: false, problems: [problem] };
}
