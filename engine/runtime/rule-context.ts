/**
 * Builds the RuleContext a workflow rule reads, from the draft at the moment the rule is asked.
 */
import { evaluateEligibility } from '../checklist/eligibility.js';
import { evaluateChecklist } from '../checklist/evaluate.js';
import type { Role } from '../kinds/workflow.js';
import type { RuleContext } from '../rules/context.js';
import type { Actor, Case } from './case.js';
import type { Draft } from './draft.js';
import { followUpSampleRate, sampleNumberOf } from './follow-up-sample.js';

/** The actor's roles on this case: `applicant` counts only for the case's own applicant. */
export function effectiveRoles(actor: Actor, caseState: Case): Role[] {
  return actor.roles.filter((role) => role !== 'applicant' || actor.id === caseState.applicantId);
}

/** The rule context for the draft's case, command payload and actor, as they stand now. */
export function buildRuleContext(draft: Draft): RuleContext {
  const c = draft.case;
  const sampleRate = followUpSampleRate(draft.context.bundle.platform);
  const sample = sampleNumberOf(c.number);
  const checklist = evaluateChecklist({ checklist: draft.context.bundle.checklist, data: c.data, materials: c.materials });
  return {
    form: c.data,
    case: { step: c.step, status: c.status, fields: c.fields, returns: returnsOf(c), sample, isSampled: sample < sampleRate },
    materials: checklist.counts,
    eligibility: eligibilityCounts(evaluateEligibility(draft.context.bundle.item.eligibility, c.data).unmet.map((line) => line.key)),
    command: draft.payload,
    // Timers act for nobody: no role may be claimed in their rules.
    actor: { roles: draft.actorId === null ? [] : effectiveRoles(draft.context.actor, c) },
    platform: { followUp: { sampleRate } },
  };
}

/** How many times the case came back to its current step (entries beyond the first). */
export function returnsOf(caseState: Case): number {
  return Math.max(0, (caseState.visits?.[caseState.step]?.count ?? 1) - 1);
}

function eligibilityCounts(unmet: string[]): RuleContext['eligibility'] {
  return { unmet, unmetCount: unmet.length };
}
