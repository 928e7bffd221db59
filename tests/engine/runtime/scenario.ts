/**
 * A pledge case walked through the flow, one helper per stage, so each test starts where it
 * needs to. Dates sit around 中秋 (09-25) and 国庆 (10-01..07) 2026 on purpose.
 */
import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import type { Case } from '../../../engine/runtime/case.js';
import type { Command, Decision, DecideContext } from '../../../engine/runtime/decision.js';
import { applicant, contextAt, file, pledgeData, staff } from './harness.js';

export const at = {
  created: '2026-09-21T09:00:00+08:00',
  resubmitted: '2026-09-22T09:00:00+08:00',
  accepted: '2026-09-22T14:00:00+08:00',
  progressed: '2026-09-23T10:00:00+08:00',
  completed: '2026-09-24T09:00:00+08:00',
  evaluated: '2026-09-24T10:00:00+08:00',
} as const;

export type Accepted = Extract<Decision, { ok: true }>;

/** Asserts a decision went through and narrows it. */
export function expectOk(decision: Decision): Accepted {
  if (!decision.ok) expect.fail(`expected ok, got problems: ${JSON.stringify(decision.problems, null, 2)}`);
  return decision;
}

/** Runs decide and asserts it went through. */
export function step(caseState: Case | undefined, command: Command, context: DecideContext): Accepted {
  return expectOk(decide(caseState, command, context));
}

/** Created and submitted as an agent with 合同 and 委托书 missing: now in supplement. */
export function submittedIncomplete(): Accepted {
  return step(
    undefined,
    {
      type: 'create',
      caseId: 'case-1',
      number: 'MY2026092100001',
      data: pledgeData({ isAgent: true, agentName: '赵六' }),
      files: { application: [file('申请表.pdf')], identity: [file('身份证明.jpg')], license: [file('营业执照.pdf')] },
      action: 'submit',
    },
    contextAt(at.created, applicant),
  );
}

/** Supplemented with what was missing: now in accept. */
export function awaitingAcceptance(): Accepted {
  const supplement = submittedIncomplete().case;
  return step(
    supplement,
    { type: 'act', action: 'resubmit', files: { contract: [file('质押合同.pdf')], powerOfAttorney: [file('委托书.pdf')] } },
    contextAt(at.resubmitted, applicant),
  );
}

/** Accepted by staff: now in implement, assigned to staff. */
export function inImplementation(): Accepted {
  return step(awaitingAcceptance().case, { type: 'act', action: 'accept' }, contextAt(at.accepted, staff));
}

/** Completed by staff: through feedback, now in supervise. */
export function awaitingEvaluation(): Accepted {
  return step(inImplementation().case, { type: 'act', action: 'complete', payload: { result: '已办理质押登记' } }, contextAt(at.completed, staff));
}
