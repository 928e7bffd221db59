import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import type { NoticeOutcome } from '../../../engine/runtime/decision.js';
import { applicant, contextAt, deepFreeze, file, pledgeData } from './harness.js';
import { at, step, submittedIncomplete } from './scenario.js';

describe('decide: create', () => {
  it('given valid data and no action, when created, then the case waits in the start step with version unchanged', () => {
    const decision = step(undefined, { type: 'create', caseId: 'c1', number: 'N1', data: pledgeData() }, contextAt(at.created));
    expect(decision.case).to.include({ id: 'c1', number: 'N1', step: 'consult', status: 'open', applicantId: applicant.id, version: 0, platformId: 'mianyang' });
    expect(decision.case.pins).to.deep.include({ item: { id: 'patent-pledge-agency', version: 1 }, workflow: { id: 'pledge-flow', version: 1 } });
    expect(decision.case.pins.templates).to.have.property('receipt', 1);
    expect(decision.case.createdAt).to.equal(at.created);
    expect(decision.events.map((e) => e.type)).to.deep.equal(['case.created']);
    expect(decision.events[0]).to.include({ at: at.created, actorId: applicant.id });
    expect(decision.outcomes).to.deep.equal([]);
  });

  it('given invalid form data and a bad upload, when created, then every problem comes back at once', () => {
    const decision = decide(
      undefined,
      { type: 'create', caseId: 'c1', number: 'N1', data: { applicantName: '张', isAgent: true }, files: { contract: [file('合同.docx')] } },
      contextAt(at.created),
    );
    expect(decision.ok).to.equal(false);
    if (decision.ok) return;
    const found = decision.problems.map((p) => [p.code.split('.')[0], p.path]);
    expect(found).to.deep.include.members([
      ['form', '/data/applicantName'],
      ['form', '/data/patentNumber'],
      ['material', '/files/contract/0'],
    ]);
    expect(decision.problems.filter((p) => p.code.startsWith('form.'))).to.have.length(2);
  });

  it('given an agent who leaves out 委托书 and 合同, when created and submitted, then the case waits in supplement', () => {
    const decision = submittedIncomplete();
    expect(decision.case.step).to.equal('supplement');
    expect(decision.case.status).to.equal('open');
    expect(decision.events.map((e) => e.type)).to.deep.equal([
      'case.created',
      'material.supplied',
      'material.supplied',
      'material.supplied',
      'case.acted',
      'case.moved',
      'notice.queued',
    ]);
    expect(decision.events[4]?.data).to.deep.equal({ action: 'submit', from: 'consult', to: 'check', payload: {} });
    expect(decision.events[5]?.data).to.deep.equal({ from: 'check', to: 'supplement' });
  });

  it('given the same submission, when decided, then exactly one one-time notice lists exactly the two missing materials', () => {
    const notices = submittedIncomplete().outcomes.filter((o): o is NoticeOutcome => o.type === 'notice');
    expect(notices).to.have.length(1);
    const notice = notices[0]!;
    expect(notice).to.include({ template: 'one-time-notice', purpose: 'oneTimeNotice', to: 'applicant', format: 'text' });
    expect(notice.channels).to.deep.equal(['sms', 'inApp']);
    expect(notice.subject).to.contain('MY2026092100001');
    expect(notice.body).to.contain('专利权质押合同').and.to.contain('委托书');
    for (const supplied of ['专利权质押登记申请表', '出质人和质权人身份证明', '营业执照副本', '其他证明文件']) {
      expect(notice.body).not.to.contain(supplied);
    }
    const listed = notice.body.split('\n').filter((line) => line.startsWith('- '));
    expect(listed).to.have.length(2);
    expect(listed[0]).to.contain('专利权质押合同');
    expect(listed[1]).to.contain('委托书');
  });

  it('given a frozen command, when created, then decide never mutates its inputs', () => {
    const command = deepFreeze({
      type: 'create' as const,
      caseId: 'c1',
      number: 'N1',
      data: pledgeData(),
      files: { application: [file('a.pdf')] },
      action: 'submit',
    });
    expect(() => decide(undefined, command, contextAt(at.created))).not.to.throw();
  });

  it('given a case that exists, when create is sent again, then case.exists', () => {
    const existing = submittedIncomplete().case;
    const decision = decide(existing, { type: 'create', caseId: 'case-1', number: 'N', data: pledgeData() }, contextAt(at.created));
    expect(decision.ok ? [] : decision.problems.map((p) => p.code)).to.deep.equal(['case.exists']);
  });

  it('given the submit is refused, when created with an action, then nothing is created', () => {
    const decision = decide(undefined, { type: 'create', caseId: 'c1', number: 'N1', data: pledgeData(), action: 'sumbit' }, contextAt(at.created));
    expect(decision.ok).to.equal(false);
    if (decision.ok) return;
    expect(decision.problems[0]).to.include({ code: 'case.action-unknown', suggestion: 'submit' });
  });
});
