import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import type { Decision, NoticeOutcome, TaskOpenOutcome } from '../../../engine/runtime/decision.js';
import { provinceBundle } from '../../fixtures/bundles/province.js';
import { pledgeData } from '../../fixtures/form-data.js';
import { applicant, contextAt, file, staff } from './harness.js';
import { step } from './scenario.js';

const bundle = provinceBundle('patent-pledge-registration');
const at = (now: string, actor = applicant) => contextAt(now, actor, bundle);
const notices = (decision: Extract<Decision, { ok: true }>) => decision.outcomes.filter((o): o is NoticeOutcome => o.type === 'notice');

const data = pledgeData();

/** Rows of the first table in an html notice, as plain cell texts. */
function tableRows(html: string): string[][] {
  const table = /<table>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((row) => [...(row[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1] ?? ''))
    .filter((cells) => cells.length > 0);
}

describe('decide: a case through the province standard-service flow (专利权质押登记)', () => {
  it('given an agent\'s application without the agency papers, when it runs to the end, then each stage does what the flow says', () => {
    // Submitted without 委托书 and 被委托人身份证明: check routes it to supplement with the one-time notice.
    const submitted = step(
      undefined,
      {
        type: 'create',
        caseId: 'p-1',
        number: 'MY2026092100007',
        data,
        files: { applicationForm: [file('申请表.pdf')], pledgeContract: [file('合同.pdf')], partyIdentity: [file('身份证明.pdf')] },
        action: 'submit',
      },
      at('2026-09-21T09:00:00+08:00'),
    );
    expect(submitted.case.step).to.equal('supplement');
    const [oneTime, sms] = notices(submitted);
    expect(notices(submitted).map((n) => [n.template, n.channels])).to.deep.equal([
      ['one-time-notice', ['inApp', 'email']],
      ['sms-one-time-notice', ['sms']],
    ]);
    expect(tableRows(oneTime!.body).map((cells) => cells[1])).to.deep.equal(['注明委托权限的委托书', '被委托人身份证明']);
    expect(oneTime!.body).to.contain('MY2026092100007').and.not.to.contain('专利权评估报告');
    expect(sms!.format).to.equal('text');

    // Supplemented: check routes it on to accept, which tells staff and starts its 2-working-day clock.
    const supplied = step(
      submitted.case,
      { type: 'act', action: 'resubmit', files: { powerOfAttorney: [file('委托书.pdf')], agentIdentity: [file('代理人身份证.jpg')] } },
      at('2026-09-22T09:00:00+08:00'),
    );
    expect(supplied.case.step).to.equal('accept');
    expect(notices(supplied).map((n) => [n.template, n.to])).to.deep.equal([['new-application', 'staff']]);
    expect(supplied.case.clocks['step:accept']?.dueAt).to.equal('2026-09-24T15:59:59.999Z');

    // Accepted: receipt and SMS to the applicant, the implement clock runs on the item's 3 working days.
    const accepted = step(supplied.case, { type: 'act', action: 'accept' }, at('2026-09-22T14:00:00+08:00', staff));
    expect(accepted.case).to.include({ step: 'implement', assigneeId: staff.id });
    expect(notices(accepted).map((n) => n.template)).to.deep.equal(['acceptance-receipt', 'sms-accepted']);
    expect(notices(accepted)[0]?.body).to.contain('MY2026092100007').and.to.contain('2026年9月22日');
    // 09-23, 09-24, then 中秋 and the weekend, then 09-28.
    expect(accepted.case.clocks['step:implement']?.dueAt).to.equal('2026-09-28T15:59:59.999Z');

    const noted = step(accepted.case, { type: 'act', action: 'progress', payload: { note: '已审查专利法律状态' } }, at('2026-09-23T10:00:00+08:00', staff));
    expect(noted.case.step).to.equal('implement');

    // Overdue: 示警 to the assignee, 催告 recorded and sent to the supervisor, once.
    const overdue = { type: 'timer' as const, timer: { kind: 'overdue' as const, clock: 'step:implement', dueAt: '2026-09-28T15:59:59.999Z' } };
    const late = step(noted.case, overdue, at('2026-09-29T00:00:00+08:00'));
    expect(late.events.map((e) => e.type).filter((t) => t.startsWith('case.'))).to.deep.equal(['case.overdue', 'case.urged']);
    expect(notices(late).map((n) => [n.template, n.to])).to.deep.equal([
      ['overdue-warning', 'assignee'],
      ['urge-notice', 'supervisor'],
    ]);
    expect(step(late.case, overdue, at('2026-09-29T00:05:00+08:00')).events).to.deep.equal([]);

    // Completed: result notice and SMS, then on to supervision.
    const done = step(late.case, { type: 'act', action: 'complete', payload: { result: '准予登记，已送达《专利权质押登记通知书》' } }, at('2026-09-29T10:00:00+08:00', staff));
    expect(done.case.step).to.equal('supervise');
    expect(notices(done).map((n) => n.template)).to.deep.equal(['result-notice', 'sms-result']);

    // A bad review opens rectification, due 15 working days later, and tells the supervisor.
    const reviewed = step(done.case, { type: 'act', action: 'evaluate', payload: { level: 1, comment: '超期办结' } }, at('2026-09-30T10:00:00+08:00'));
    expect(reviewed.case).to.include({ step: 'closed', status: 'completed' });
    const task = reviewed.outcomes.find((o): o is TaskOpenOutcome => o.type === 'task.open')?.task;
    // 10-08, 10-09, 10-10 (make-up), 10-12..16, 10-19..23, 10-26, 10-27: the 15th is 10-27.
    expect(task).to.include({ kind: 'rectification', to: 'supervisor', dueAt: '2026-10-27T15:59:59.999Z' });
    expect(notices(reviewed).map((n) => [n.template, n.to])).to.deep.equal([['rectification-notice', 'supervisor']]);
  });

  it('given staff return a case with a reason and a deficient contract, when decided, then the notice gives both', () => {
    const inAccept = step(
      undefined,
      {
        type: 'create',
        caseId: 'p-2',
        number: 'MY2026092100008',
        data: { ...data, isAgent: false },
        files: { applicationForm: [file('申请表.pdf')], pledgeContract: [file('合同.pdf')], partyIdentity: [file('身份证明.pdf')] },
        action: 'submit',
      },
      at('2026-09-21T09:00:00+08:00'),
    );
    expect(inAccept.case.step).to.equal('accept');
    const refused = decide(inAccept.case, { type: 'act', action: 'return', verdicts: { pledgeContract: { status: 'deficient', reason: '合同未载明担保范围' } } }, at('2026-09-21T15:00:00+08:00', staff));
    expect(refused.ok ? [] : refused.problems.map((p) => p.code)).to.deep.equal(['case.payload-missing']);
    const returned = step(
      inAccept.case,
      { type: 'act', action: 'return', payload: { reason: '请补正质押合同' }, verdicts: { pledgeContract: { status: 'deficient', reason: '合同未载明担保范围' } } },
      at('2026-09-21T15:00:00+08:00', staff),
    );
    expect(returned.case.step).to.equal('supplement');
    const body = notices(returned)[0]!.body;
    expect(tableRows(body).map((cells) => [cells[1], cells[4]?.startsWith('合同未载明担保范围')])).to.deep.equal([['专利权质押合同', true]]);
    expect(body).to.contain('审核意见：请补正质押合同');
  });
});
