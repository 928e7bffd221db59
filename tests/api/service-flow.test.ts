/**
 * The province's real item 专利权质押登记 end to end over HTTP: application with a missing paper,
 * one-time notice, supplement, acceptance receipt, progress nodes, result notice, a bad review
 * and its rectification task due 15 working days later across 中秋 and 国庆.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { useApiSuite } from './support/api-suite.js';
import { act, allOk, submitPledge, tinyPdf } from './support/pledge.js';

/** Material names of the checklist, by key (definitions/province/checklists/patent-pledge-registration.json). */
const MATERIAL_NAMES = {
  applicationForm: '专利权质押登记申请表',
  pledgeContract: '专利权质押合同',
  partyIdentity: '双方当事人身份证明或当事人签署的相关承诺书',
  powerOfAttorney: '注明委托权限的委托书',
  agentIdentity: '被委托人身份证明',
  valuationReport: '专利权评估报告',
  otherMaterials: '其他需要提供的材料',
};

/**
 * The n-th working day after `from` (a date), counted from 《国务院办公厅关于2026年部分节假日安排的通知》:
 * 中秋 09-25..27 and 国庆 10-01..07 off, Sunday 09-20 and Saturday 10-10 make-up workdays.
 * Independent of the engine's calendar on purpose.
 */
function nthWorkingDayAfter(from: string, n: number): string {
  const holidays = new Set(['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
  const makeUpWorkdays = new Set(['2026-09-20', '2026-10-10']);
  const day = new Date(`${from}T00:00:00Z`);
  let count = 0;
  while (count < n) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    const isWeekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    if (makeUpWorkdays.has(iso) || (!isWeekend && !holidays.has(iso))) count++;
  }
  return day.toISOString().slice(0, 10);
}

/** Rows of the first table in an html notice, as plain cell texts. */
function tableRows(html: string): string[][] {
  const table = /<table>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((row) => [...(row[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1] ?? ''))
    .filter((cells) => cells.length > 0);
}

forEachDatabase('API: 专利权质押登记 through the standard service flow', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let kase: any;

  const noticesAs = async (client: ApiClient) => {
    const response = await client.get(`/api/cases/${kase.id}/notices`);
    expect(response.status).to.equal(200);
    return response.body.notices as Array<{ noticeId: string; templateId: string; subject: string; body: string; channels: string[] }>;
  };
  const refresh = async (client: ApiClient) => {
    const response = await client.get(`/api/cases/${kase.id}`);
    expect(response.status).to.equal(200);
    kase = response.body;
    return kase;
  };

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
  });

  it('given an agent\'s application without the agent\'s identity paper, when zhangsan submits it, then it waits in supplement with a one-time notice naming only that paper', async () => {
    const submitted = await submitPledge(zhangsan, { hasAgentIdentity: false });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    kase = submitted.body;
    expect(kase).to.include({ step: 'supplement', status: 'open' });
    expect(kase.materials.find((m: any) => m.key === 'agentIdentity')).to.include({ isRequired: true, status: 'missing' });
    expect(kase.actions.map((a: any) => a.name)).to.include('resubmit');

    const oneTime = (await noticesAs(zhangsan)).filter((n) => n.templateId === 'one-time-notice');
    expect(oneTime).to.have.length(1);
    expect(tableRows(oneTime[0]!.body).map((cells) => cells[1])).to.deep.equal([MATERIAL_NAMES.agentIdentity]);
    const others = Object.entries(MATERIAL_NAMES).filter(([key]) => key !== 'agentIdentity');
    for (const [, name] of others) expect(oneTime[0]!.body).not.to.contain(name);
    expect(oneTime[0]!.body).to.contain(kase.number);
  });

  it('given the case in supplement, when zhangsan resubmits the missing paper, then it moves to accept and staff see it in their list', async () => {
    const resubmitted = await zhangsan.postMultipart(`/api/cases/${kase.id}/actions/resubmit`, { version: kase.version }, { agentIdentity: [tinyPdf('被委托人身份证.pdf')] });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).to.equal(200);
    kase = resubmitted.body;
    expect(kase.step).to.equal('accept');
    expect(kase.materials.find((m: any) => m.key === 'agentIdentity')).to.include({ status: 'provided' });

    const list = await staff1.get('/api/cases?step=accept');
    expect(list.body.cases.map((c: any) => c.id)).to.include(kase.id);
    expect((await refresh(zhangsan))).to.include({ step: 'accept', status: 'open' });
  });

  it('given a complete application, when staff1 accepts it, then it is in implement and zhangsan has a receipt with the case number', async () => {
    const accepted = await act(staff1, kase, 'accept', { verdicts: allOk(kase) });
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    expect(accepted.body).to.include({ step: 'implement', assigneeId: 'demo-staff1' });

    const seen = await refresh(zhangsan);
    expect(seen).to.include({ step: 'implement', status: 'open' });
    // While the service runs she may rate the acceptance (受理评价, once); nothing else is hers to do.
    expect(seen.actions.map((a: any) => a.name)).to.deep.equal(['evaluateAcceptance']);
    const receipts = (await noticesAs(zhangsan)).filter((n) => n.templateId === 'acceptance-receipt');
    expect(receipts).to.have.length(1);
    expect(receipts[0]!.body).to.contain(kase.number);
    expect(receipts[0]!.channels).to.have.members(['inApp', 'email']);
    // The notice to staff about the new application is not addressed to her.
    expect((await noticesAs(zhangsan)).map((n) => n.templateId)).not.to.include('new-application');
    expect((await noticesAs(staff1)).map((n) => n.templateId)).to.include('new-application');
  });

  it('given the case in implement, when staff1 records two progress nodes, then the timeline has both and the step is unchanged', async () => {
    await refresh(staff1);
    for (const note of ['已核验专利法律状态', '已向国家知识产权局提交质押登记']) {
      const progressed = await act(staff1, kase, 'progress', { payload: { note } });
      expect(progressed.status, JSON.stringify(progressed.body)).to.equal(200);
      expect(progressed.body.step).to.equal('implement');
      kase = progressed.body;
    }
    const timeline = await zhangsan.get(`/api/cases/${kase.id}/events`);
    const nodes = timeline.body.events.filter((e: any) => e.type === 'case.acted' && e.data.action === 'progress');
    expect(nodes.map((e: any) => e.data.payload.note)).to.deep.equal(['已核验专利法律状态', '已向国家知识产权局提交质押登记']);
    expect((await refresh(zhangsan)).step).to.equal('implement');
  });

  it('given the work done, when staff1 completes it with a result, then the result notice is in the outbox and the case waits in supervise', async () => {
    const completed = await act(staff1, kase, 'complete', { payload: { result: '准予登记，已送达《专利权质押登记通知书》' } });
    expect(completed.status, JSON.stringify(completed.body)).to.equal(200);
    expect(completed.body.step).to.equal('supervise');

    const seen = await refresh(zhangsan);
    expect(seen).to.include({ step: 'supervise', status: 'open' });
    expect(seen.actions.map((a: any) => a.name)).to.deep.equal(['evaluate']);
    const results = (await noticesAs(zhangsan)).filter((n) => n.templateId === 'result-notice');
    expect(results).to.have.length(1);
    expect(results[0]!.channels).to.have.members(['inApp', 'email']);
  });

  it('given the in-app notices queued, when the worker runs, then they arrive in zhangsan\'s and staff\'s messages', async () => {
    await runWorkerOnce(suite.server.services, { workerId: 'flow-worker' });
    const inApp = (await noticesAs(zhangsan)).filter((n) => n.channels.includes('inApp'));
    expect(inApp.map((n) => n.templateId)).to.have.members(['one-time-notice', 'acceptance-receipt', 'result-notice']);
    const messages = (await zhangsan.get('/api/messages')).body.messages as Array<{ caseId: string; title: string }>;
    const ofCase = messages.filter((m) => m.caseId === kase.id);
    expect(ofCase.map((m) => m.title)).to.have.members(inApp.map((n) => n.subject));
    const staffMessages = (await staff1.get('/api/messages')).body.messages as Array<{ caseId: string; title: string }>;
    expect(staffMessages.some((m) => m.caseId === kase.id)).to.equal(true);
  });

  it('given the case in supervise three days later, when zhangsan rates it 不满意, then it is closed and staff have a rectification task due after 15 working days', async () => {
    suite.server.clock.set('2026-09-24T10:00:00+08:00');
    // Sessions expire on the same clock: three days on, both sign in again.
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    const evaluated = await act(zhangsan, kase, 'evaluate', { payload: { level: 2, comment: '办理进度通知不及时' } });
    expect(evaluated.status, JSON.stringify(evaluated.body)).to.equal(200);
    expect(evaluated.body).to.include({ step: 'closed', status: 'completed' });
    expect(evaluated.body.evaluations).to.have.length(1);

    // From Thu 09-24: 09-28, 29, 30 (3), 10-08, 09, 10 (Sat, make-up) (6), 10-12..16 (11), 10-19..22 (15).
    const dueDay = nthWorkingDayAfter('2026-09-24', 15);
    expect(dueDay).to.equal('2026-10-22');
    const tasks = (await staff1.get('/api/tasks?status=open')).body.tasks as Array<{ caseId: string; kind: string; dueAt: string }>;
    const rectification = tasks.filter((t) => t.caseId === kase.id);
    expect(rectification).to.have.length(1);
    // The end of that day in Asia/Shanghai (+08:00).
    expect(rectification[0]).to.include({ kind: 'rectification', dueAt: new Date(`${dueDay}T23:59:59.999+08:00`).toISOString() });
    expect(rectification[0]!.dueAt).to.equal('2026-10-22T15:59:59.999Z');
    expect((await refresh(zhangsan))).to.include({ status: 'completed', step: 'closed' });
  });
});
