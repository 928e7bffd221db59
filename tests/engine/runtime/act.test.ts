import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import type { Decision, NoticeOutcome } from '../../../engine/runtime/decision.js';
import { applicant, contextAt, file, otherApplicant, staff } from './harness.js';
import { at, awaitingAcceptance, inImplementation, step, submittedIncomplete } from './scenario.js';

const codes = (decision: Decision) => (decision.ok ? [] : decision.problems.map((p) => p.code));
const notices = (decision: Decision) => (decision.ok ? decision.outcomes.filter((o): o is NoticeOutcome => o.type === 'notice') : []);

describe('decide: act', () => {
  describe('given a case in supplement', () => {
    it('when the applicant supplies what was missing, then check routes it on to accept and its clock starts', () => {
      const decision = awaitingAcceptance();
      expect(decision.case.step).to.equal('accept');
      expect(decision.events.map((e) => e.type)).to.deep.equal([
        'case.acted', 'material.supplied', 'material.supplied', 'case.moved', 'clock.started',
      ]);
      expect(decision.case.clocks['step:accept']).to.include({ status: 'running', dueAt: '2026-09-24T15:59:59.999Z' });
      expect(decision.outcomes).to.deep.equal([
        { type: 'timer.schedule', timer: { kind: 'overdue', clock: 'step:accept', dueAt: '2026-09-24T15:59:59.999Z' } },
      ]);
      expect(notices(decision)).to.deep.equal([]);
    });

    it('when another applicant resubmits, then case.forbidden: applicant means this case\'s applicant', () => {
      const decision = decide(submittedIncomplete().case, { type: 'act', action: 'resubmit' }, contextAt(at.resubmitted, otherApplicant));
      expect(codes(decision)).to.deep.equal(['case.forbidden']);
    });

    it('when staff try the applicant\'s action, then case.forbidden', () => {
      const decision = decide(submittedIncomplete().case, { type: 'act', action: 'resubmit' }, contextAt(at.resubmitted, staff));
      expect(codes(decision)).to.deep.equal(['case.forbidden']);
    });

    it('when the applicant names an action of another step, then case.action-unknown with the step\'s actions', () => {
      const decision = decide(submittedIncomplete().case, { type: 'act', action: 'resubmt' }, contextAt(at.resubmitted, applicant));
      expect(decision.ok).to.equal(false);
      if (decision.ok) return;
      expect(decision.problems[0]).to.include({ code: 'case.action-unknown', path: '/action', suggestion: 'resubmit' });
      expect(decision.problems[0]?.message).to.contain('Did you mean "resubmit"?');
    });

    it('when an upload has the wrong type, then the problem points at the file and nothing changes', () => {
      const before = submittedIncomplete().case;
      const decision = decide(before, { type: 'act', action: 'resubmit', files: { contract: [file('合同.exe')] } }, contextAt(at.resubmitted));
      expect(decision.ok ? [] : decision.problems.map((p) => [p.code, p.path])).to.deep.equal([['material.file-type', '/files/contract/0']]);
    });
  });

  describe('given a case awaiting acceptance', () => {
    it('when staff accept, then it moves to implement, is assigned, and the receipt carries the case number', () => {
      const decision = inImplementation();
      expect(decision.case.step).to.equal('implement');
      expect(decision.case.assigneeId).to.equal(staff.id);
      const receipt = notices(decision);
      expect(receipt).to.have.length(1);
      expect(receipt[0]).to.include({ template: 'receipt', purpose: 'receipt', to: 'applicant' });
      expect(receipt[0]?.channels).to.deep.equal(['inApp']);
      expect(receipt[0]?.body).to.contain('MY2026092100001').and.to.contain('王五').and.to.contain('5个工作日');
      expect(receipt[0]?.body).to.contain('已于 2026年9月22日 受理').and.to.contain('预计 2026年9月30日 前办结').and.to.contain('138****0000');
      expect(decision.case.clocks['step:accept']?.status).to.equal('stopped');
      expect(decision.case.clocks['step:implement']).to.include({
        status: 'running',
        dueAt: '2026-09-30T15:59:59.999Z',
        warnAt: '2026-09-29T15:59:59.999Z',
      });
      expect(decision.outcomes.filter((o) => o.type !== 'notice')).to.deep.equal([
        { type: 'timer.cancel', clock: 'step:accept' },
        { type: 'timer.schedule', timer: { kind: 'warn', clock: 'step:implement', dueAt: '2026-09-29T15:59:59.999Z' } },
        { type: 'timer.schedule', timer: { kind: 'overdue', clock: 'step:implement', dueAt: '2026-09-30T15:59:59.999Z' } },
        { type: 'timer.schedule', timer: { kind: 'overdue', clock: 'item', dueAt: '2026-09-30T15:59:59.999Z' } },
      ]);
    });

    it('when staff find a material deficient and still accept, then case.condition-failed with the action\'s message', () => {
      const decision = decide(
        awaitingAcceptance().case,
        { type: 'act', action: 'accept', verdicts: { contract: { status: 'deficient', reason: '缺少质权人签章' } } },
        contextAt(at.accepted, staff),
      );
      expect(decision.ok).to.equal(false);
      if (decision.ok) return;
      expect(decision.problems).to.deep.equal([{ code: 'case.condition-failed', path: '/action', message: '材料不齐全，不能受理' }]);
    });

    it('when staff return it with a deficient verdict, then the one-time notice lists that material and its reason only', () => {
      const decision = step(
        awaitingAcceptance().case,
        { type: 'act', action: 'return', verdicts: { contract: { status: 'deficient', reason: '缺少质权人签章' }, identity: { status: 'ok' } } },
        contextAt(at.accepted, staff),
      );
      expect(decision.case.step).to.equal('supplement');
      expect(decision.events.map((e) => e.type)).to.include.members(['material.rejected', 'material.checked']);
      const listed = notices(decision)[0]?.body.split('\n').filter((line) => line.startsWith('- '));
      expect(listed).to.deep.equal(['- 专利权质押合同（原件，1份）：缺少质权人签章']);
    });

    it('when staff give a deficient verdict without a reason, then material.reason-missing', () => {
      const decision = decide(
        awaitingAcceptance().case,
        { type: 'act', action: 'return', verdicts: { contract: { status: 'deficient' } } },
        contextAt(at.accepted, staff),
      );
      expect(decision.ok ? [] : decision.problems.map((p) => [p.code, p.path])).to.deep.equal([['material.reason-missing', '/verdicts/contract/reason']]);
    });

    it('when staff reject without a reason, then case.payload-missing at /payload/reason', () => {
      const decision = decide(awaitingAcceptance().case, { type: 'act', action: 'reject', payload: { reason: '  ' } }, contextAt(at.accepted, staff));
      expect(decision.ok ? [] : decision.problems.map((p) => [p.code, p.path])).to.deep.equal([['case.payload-missing', '/payload/reason']]);
    });

    it('when staff reject with a reason, then the case ends rejected and every clock stops', () => {
      const decision = step(awaitingAcceptance().case, { type: 'act', action: 'reject', payload: { reason: '不属于受理范围' } }, contextAt(at.accepted, staff));
      expect(decision.case).to.include({ step: 'rejected', status: 'rejected' });
      expect(decision.case.clocks['step:accept']?.status).to.equal('stopped');
      expect(decision.events.at(-1)).to.deep.include({ type: 'case.closed', data: { step: 'rejected', status: 'rejected' } });
      const after = decide(decision.case, { type: 'act', action: 'accept' }, contextAt(at.accepted, staff));
      expect(codes(after)).to.deep.equal(['case.closed']);
    });

    it('when the applicant sends files with an action that takes none, then case.files-not-accepted', () => {
      const decision = decide(awaitingAcceptance().case, { type: 'act', action: 'accept', files: { contract: [file('c.pdf')] } }, contextAt(at.accepted, staff));
      expect(codes(decision)).to.deep.equal(['case.files-not-accepted']);
    });
  });

  describe('given a case in implementation', () => {
    it('when staff record two progress nodes, then the step and its clock stay and each leaves a timeline entry', () => {
      const implementing = inImplementation().case;
      const first = step(implementing, { type: 'act', action: 'progress', payload: { note: '已核对质押合同' } }, contextAt(at.progressed, staff));
      const second = step(first.case, { type: 'act', action: 'progress', payload: { note: '已向国家局提交' } }, contextAt('2026-09-23T15:00:00+08:00', staff));
      expect(second.case.step).to.equal('implement');
      expect(second.case.clocks['step:implement']).to.deep.equal(implementing.clocks['step:implement']);
      expect(second.case.visits?.['implement']?.count).to.equal(1);
      for (const decision of [first, second]) {
        expect(decision.events.map((e) => e.type)).to.deep.equal(['case.acted']);
        expect(decision.outcomes).to.deep.equal([]);
      }
      expect(second.events[0]?.data).to.deep.equal({ action: 'progress', from: 'implement', to: 'implement', payload: { note: '已向国家局提交' } });
      expect(second.case.updatedAt).to.equal('2026-09-23T15:00:00+08:00');
    });

    it('when staff complete with a result, then feedback sends the result notice and the case moves on to supervise', () => {
      const decision = step(inImplementation().case, { type: 'act', action: 'complete', payload: { result: '已办理质押登记' } }, contextAt(at.completed, staff));
      expect(decision.case.step).to.equal('supervise');
      expect(decision.case.fields).to.deep.equal({ result: '已办理质押登记' });
      expect(decision.case.clocks['item']?.status).to.equal('stopped');
      expect(decision.case.clocks['step:implement']?.status).to.equal('stopped');
      const result = notices(decision);
      expect(result.map((n) => n.template)).to.deep.equal(['result-notice']);
      expect(result[0]?.channels).to.deep.equal(['sms', 'inApp']);
      expect(result[0]?.body).to.contain('办理结果：已办理质押登记');
      expect(decision.events.map((e) => e.type)).to.deep.equal([
        'case.acted', 'clock.stopped', 'field.set', 'clock.stopped', 'notice.queued', 'case.moved',
      ]);
    });
  });
});
