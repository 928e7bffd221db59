/**
 * 好差评 at more than one stage of one case (受理评价 while the service runs, 办结评价 after it),
 * once per step, with indicators (GB/T 39735) rated beside the level — through the province's
 * standard-service flow.
 */
import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import type { Case } from '../../../engine/runtime/case.js';
import type { TaskOpenOutcome } from '../../../engine/runtime/decision.js';
import type { Bundle } from '../../../engine/runtime/bundle.js';
import { provinceBundle } from '../../fixtures/bundles/province.js';
import { pledgeData } from '../../fixtures/form-data.js';
import { applicant, contextAt, file, staff } from './harness.js';
import { step } from './scenario.js';

const bundle = provinceBundle('patent-pledge-registration');
const at = (now: string, actor = applicant, b: Bundle = bundle) => contextAt(now, actor, b);
const problemsOf = (decision: ReturnType<typeof decide>) => (decision.ok ? [] : decision.problems.map((p) => [p.code, p.path]));

/** A complete application, accepted: the case is in implement. */
function implementing(): Case {
  const files = {
    applicationForm: [file('申请表.pdf')], pledgeContract: [file('合同.pdf')], partyIdentity: [file('身份证明.pdf')],
    powerOfAttorney: [file('委托书.pdf')], agentIdentity: [file('代理人身份证.jpg')],
  };
  const created = step(undefined, { type: 'create', caseId: 'e-1', number: 'MY2026092100009', data: pledgeData(), files, action: 'submit' }, at('2026-09-21T09:00:00+08:00'));
  expect(created.case.step).to.equal('accept');
  return step(created.case, { type: 'act', action: 'accept' }, at('2026-09-21T14:00:00+08:00', staff)).case;
}

describe('decide: evaluation at several stages (一事多评)', () => {
  it('given an accepted case, when the applicant evaluates while it is implemented, then it stays in implement and the event names step and stage', () => {
    const payload = { level: 4, comment: '受理很快', indicators: { attitude: 5, efficiency: 4 } };
    const decision = step(implementing(), { type: 'act', action: 'evaluateAcceptance', payload }, at('2026-09-22T10:00:00+08:00'));
    expect(decision.case).to.include({ step: 'implement', status: 'open' });
    expect(decision.case.clocks['step:implement']?.dueAt, 'the step clock keeps running').to.be.a('string');
    const evaluated = decision.events.find((e) => e.type === 'case.evaluated');
    expect(evaluated?.data).to.deep.equal({ level: 4, step: 'implement', stage: 'implement', comment: '受理很快', indicators: { attitude: 5, efficiency: 4 } });
    expect(decision.case.evaluations).to.deep.equal([
      { level: 4, step: 'implement', stage: 'implement', comment: '受理很快', indicators: { attitude: 5, efficiency: 4 }, at: '2026-09-22T10:00:00+08:00', by: applicant.id },
    ]);
    expect(decision.events.map((e) => e.type)).to.deep.equal(['case.acted', 'case.evaluated']);
  });

  it('given a case evaluated at acceptance, when the applicant evaluates again in the same step, then evaluation.already-given names the step', () => {
    const once = step(implementing(), { type: 'act', action: 'evaluateAcceptance', payload: { level: 5 } }, at('2026-09-22T10:00:00+08:00')).case;
    const twice = decide(once, { type: 'act', action: 'evaluateAcceptance', payload: { level: 1 } }, at('2026-09-22T11:00:00+08:00'));
    expect(problemsOf(twice)).to.deep.equal([['evaluation.already-given', '/action']]);
    expect(twice.ok ? '' : twice.problems[0]?.message).to.contain('服务实施').and.contain('implement');
  });

  it('given a bad acceptance review and a good one after completion, when both are given, then the case has two evaluations and one rectification task', () => {
    const rated = step(implementing(), { type: 'act', action: 'evaluateAcceptance', payload: { level: 2, comment: '窗口态度差' } }, at('2026-09-22T10:00:00+08:00'));
    const task = rated.outcomes.find((o): o is TaskOpenOutcome => o.type === 'task.open')?.task;
    // After 09-22: 09-23, 09-24, (中秋 off) 09-28..30, (国庆 off) 10-08, 10-09, 10-10 (make-up), 10-12..16, 10-19, 10-20: the 15th.
    expect(task).to.include({ kind: 'rectification', to: 'supervisor', dueAt: '2026-10-20T15:59:59.999Z' });
    const done = step(rated.case, { type: 'act', action: 'complete', payload: { result: '准予登记' } }, at('2026-09-23T10:00:00+08:00', staff));
    expect(done.case.step).to.equal('supervise');
    const closed = step(done.case, { type: 'act', action: 'evaluate', payload: { level: 5, indicators: { quality: 5 } } }, at('2026-09-23T11:00:00+08:00'));
    expect(closed.case.status).to.equal('completed');
    expect(closed.case.evaluations.map((e) => [e.step, e.stage, e.level])).to.deep.equal([
      ['implement', 'implement', 2],
      ['supervise', 'supervise', 5],
    ]);
    expect(closed.outcomes.filter((o) => o.type === 'task.open')).to.deep.equal([]);
  });
});

describe('decide: evaluation indicators (评价指标)', () => {
  it('given indicators out of range, not whole, or undeclared, when evaluating, then each is reported at its JSON path', () => {
    const payload = { level: 3, indicators: { attitude: 6, efficiency: 2.5, quality: '5', speed: 4 } };
    const decision = decide(implementing(), { type: 'act', action: 'evaluateAcceptance', payload }, at('2026-09-22T10:00:00+08:00'));
    expect(problemsOf(decision)).to.deep.equal([
      ['evaluation.indicator-invalid', '/payload/indicators/attitude'],
      ['evaluation.indicator-invalid', '/payload/indicators/efficiency'],
      ['evaluation.indicator-invalid', '/payload/indicators/quality'],
      ['evaluation.indicator-unknown', '/payload/indicators/speed'],
    ]);
  });

  it('given indicators that are not an object, when evaluating, then evaluation.indicators-invalid at /payload/indicators', () => {
    for (const indicators of [[5, 4], 'attitude', 5, null]) {
      const decision = decide(implementing(), { type: 'act', action: 'evaluateAcceptance', payload: { level: 3, indicators } }, at('2026-09-22T10:00:00+08:00'));
      expect(problemsOf(decision), JSON.stringify(indicators)).to.deep.equal([['evaluation.indicators-invalid', '/payload/indicators']]);
    }
  });

  it('given a flow whose indicators are required, when some are left out, then each missing one is reported with the level problem', () => {
    const strict = structuredClone(bundle);
    for (const indicator of strict.workflow.steps['implement']!.actions!['evaluateAcceptance']!.indicators!) indicator.isRequired = true;
    const decision = decide(implementing(), { type: 'act', action: 'evaluateAcceptance', payload: { level: 9, indicators: { attitude: 5, efficiency: 4 } } }, at('2026-09-22T10:00:00+08:00', applicant, strict));
    expect(problemsOf(decision)).to.deep.equal([
      ['evaluation.level-invalid', '/payload/level'],
      ['evaluation.indicator-missing', '/payload/indicators/quality'],
      ['evaluation.indicator-missing', '/payload/indicators/convenience'],
    ]);
    expect(decision.ok ? '' : decision.problems[1]?.message).to.contain('服务质量');
  });

  it('given staff, when they try the acceptance evaluation, then it is not theirs to take', () => {
    const decision = decide(implementing(), { type: 'act', action: 'evaluateAcceptance', payload: { level: 5 } }, at('2026-09-22T10:00:00+08:00', staff));
    expect(decision.ok).to.equal(false);
  });
});
