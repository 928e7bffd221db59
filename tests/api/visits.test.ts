/**
 * Rectification tasks after a bad review (差评整改) with their follow-up visits (回访) over HTTP.
 * The platform's rule (四川: 15 working days, "整改到位并回访", 回访率 100%): the task is due when
 * the workflow said, a rectification is closed only after a visit, a late one shows as overdue.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { act, completedPledge } from './support/pledge.js';

interface Task {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: string;
  title: string;
  dueAt: string;
  status: string;
  isOverdue: boolean;
  closedAt: string | null;
  result: string | null;
  evaluation: { level: number; comment: string | null } | null;
  visits: Array<{ note: string; outcome: string; at: string; by: string; byName: string }>;
}

forEachDatabase('API: rectification tasks and follow-up visits', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let admin: ApiClient;
  let auditor: ApiClient;
  let kase: any;
  let task: Task;

  /** Moves the clock; sessions expire on the same clock, so everyone signs in again. */
  const moveTo = async (instant: string) => {
    suite.server.clock.set(instant);
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    admin = await suite.server.client('admin');
    auditor = await suite.server.client('auditor');
  };
  const tasksOf = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/tasks${query}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.tasks as Task[];
  };
  /** A case accepted, completed and rated `level` by zhangsan at the clock's time. */
  const ratedCase = async (level: number, comment?: string) => {
    const completed = await completedPledge({ applicant: zhangsan, staff: staff1 });
    const rated = await act(zhangsan, completed, 'evaluate', { payload: { level, ...(comment ? { comment } : {}) } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    return rated.body;
  };

  before(async () => {
    await moveTo('2026-09-24T10:00:00+08:00');
    kase = await ratedCase(1, '材料被退回两次，说明不清楚');
  });

  it('given a 非常不满意 review, when staff list the case\'s tasks, then there is one open rectification due in 15 working days, with the review and no visits', async () => {
    const tasks = await tasksOf(staff1, `?caseId=${kase.id}`);
    expect(tasks).to.have.length(1);
    task = tasks[0]!;
    // From Thu 09-24 across 中秋 and 国庆 (the calendar test in service-flow.test.ts counts it): Thu 10-22.
    expect(task).to.deep.include({ caseId: kase.id, caseNumber: kase.number, kind: 'rectification', title: '差评整改', status: 'open', dueAt: '2026-10-22T15:59:59.999Z' });
    expect(task).to.include({ isOverdue: false, closedAt: null, result: null });
    expect(task.evaluation).to.deep.include({ level: 1, comment: '材料被退回两次，说明不清楚' });
    expect(task.visits).to.deep.equal([]);
    expect(await tasksOf(staff1, '?caseId=no-such-case')).to.deep.equal([]);
  });

  it('given no visit yet, when staff close the rectification, then it is refused and stays open', async () => {
    const early = await staff1.post(`/api/tasks/${task.id}/close`, { result: '已整改' });
    expect(early.status).to.equal(422);
    expect(early.body.code).to.equal('task.visit-required');
    expect((await tasksOf(staff1, `?caseId=${kase.id}`))[0]).to.include({ status: 'open' });
  });

  it('given a visit with an unknown outcome, a blank note or from the auditor or the applicant, when recorded, then each is refused', async () => {
    expect((await staff1.post(`/api/tasks/${task.id}/visits`, { note: '已电话联系', outcome: 'maybe' })).status).to.equal(400);
    const blank = await staff1.post(`/api/tasks/${task.id}/visits`, { note: ' ', outcome: 'satisfied' });
    expect(blank.status).to.equal(422);
    expect(blank.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/note']);
    expect((await auditor.post(`/api/tasks/${task.id}/visits`, { note: '已电话联系', outcome: 'satisfied' })).status).to.equal(403);
    expect((await zhangsan.post(`/api/tasks/${task.id}/visits`, { note: '已电话联系', outcome: 'satisfied' })).status).to.equal(403);
    expect((await staff1.post('/api/tasks/no-such-task/visits', { note: '已电话联系', outcome: 'satisfied' })).status).to.equal(404);
  });

  it('given the applicant unreachable first, when staff1 calls again the next day, then both visits are listed in order with who called', async () => {
    const first = await staff1.post(`/api/tasks/${task.id}/visits`, { note: '电话未接通', outcome: 'unreachable' });
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    await moveTo('2026-09-25T09:30:00+08:00');
    const second = await staff1.post(`/api/tasks/${task.id}/visits`, { note: '已说明退件原因并致歉，申请人表示理解', outcome: 'satisfied' });
    expect(second.status, JSON.stringify(second.body)).to.equal(201);
    expect(second.body.visits.map((v: Task['visits'][number]) => [v.outcome, v.at, v.by, v.byName])).to.deep.equal([
      ['unreachable', '2026-09-24T02:00:00.000Z', 'demo-staff1', '窗口工作人员王敏（演示）'],
      ['satisfied', '2026-09-25T01:30:00.000Z', 'demo-staff1', '窗口工作人员王敏（演示）'],
    ]);
    const seen = await tasksOf(auditor, `?caseId=${kase.id}`);
    expect(seen[0]!.visits).to.deep.equal(second.body.visits);
  });

  it('given a visit recorded, when the platform admin closes the rectification in time, then it is done with its result and not overdue', async () => {
    const closed = await admin.post(`/api/tasks/${task.id}/close`, { result: '已修订退件说明模板，统一写明缺失材料及补正方式' });
    expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
    expect(closed.body).to.include({ status: 'done', closedAt: '2026-09-25T01:30:00.000Z', result: '已修订退件说明模板，统一写明缺失材料及补正方式', isOverdue: false });
    expect((await tasksOf(staff1, '?status=open')).map((t) => t.id)).not.to.include(task.id);
    expect((await tasksOf(staff1, '?status=done')).map((t) => t.id)).to.include(task.id);
  });

  it('given the closed task, when closed again or visited once more to recheck, then closing is refused and the recheck is kept', async () => {
    const again = await staff1.post(`/api/tasks/${task.id}/close`, { result: '再次关闭' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('task.already-closed');
    const recheck = await staff1.post(`/api/tasks/${task.id}/visits`, { note: '复核回访：申请人对整改满意', outcome: 'satisfied' });
    expect(recheck.status).to.equal(201);
    expect(recheck.body).to.include({ status: 'done' });
    expect(recheck.body.visits).to.have.length(3);
  });

  it('given another bad review left past its due date, when listed and then closed late, then it shows overdue before and after closing', async () => {
    const late = await ratedCase(2);
    const [open] = await tasksOf(staff1, `?caseId=${late.id}`);
    expect(open).to.include({ isOverdue: false, status: 'open' });
    expect(open!.evaluation).to.deep.include({ level: 2, comment: null });

    await moveTo('2026-11-02T09:00:00+08:00');
    expect((await tasksOf(staff1, `?caseId=${late.id}`))[0]).to.include({ isOverdue: true, status: 'open' });
    expect((await staff1.post(`/api/tasks/${open!.id}/visits`, { note: '已回访', outcome: 'unsatisfied' })).status).to.equal(201);
    const closed = await staff1.post(`/api/tasks/${open!.id}/close`, { result: '已整改（逾期）' });
    expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
    expect(closed.body).to.include({ status: 'done', isOverdue: true, dueAt: open!.dueAt });
  });

  it('given a good review, when rated, then no task is opened', async () => {
    const good = await ratedCase(5, '很满意');
    expect(await tasksOf(staff1, `?caseId=${good.id}`)).to.deep.equal([]);
  });
});
