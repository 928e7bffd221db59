/**
 * Reminder (催办) and escalation (督办) of a bad review's rectification, on the working-day
 * calendar across 国庆 2026, with the worker run on a simulated clock. 绵阳's settings: 15
 * working days, the reminder 3 working days before the due date, escalation when missed.
 *
 * The days, counted by hand from the 2026 calendar (中秋 09-25…27, 国庆 10-01…07, make-up
 * working day Sat 10-10): evaluated Tue 09-29, working days 09-30 (1), 10-08 (2), 10-09 (3),
 * 10-10 (4), 10-12…16 (5–9), 10-19…23 (10–14), Mon 10-26 (15): due at the end of 10-26. The
 * reminder goes on Wed 10-21, when 3 working days (10-22, 10-23, 10-26) are left; counting
 * calendar days instead would send it on 10-23.
 */
import { expect } from 'chai';
import { runWorkerOnce } from '../../server/worker/worker.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { act, completedPledge } from './support/pledge.js';

interface Task {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  isOverdue: boolean;
  remindedAt: string | null;
  escalatedAt: string | null;
}

interface Message {
  caseId: string | null;
  title: string;
  body: string;
}

forEachDatabase('API: rectification reminder and escalation across 国庆', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-29T10:00:00+08:00' });
  let clients: Record<'zhangsan' | 'staff1' | 'admin' | 'province', ApiClient>;
  let kase: { id: string; number: string };
  let task: Task;

  /** Moves the clock; sessions expire on the same clock, so everyone signs in again. */
  const moveTo = async (instant: string) => {
    suite.server.clock.set(instant);
    const server = suite.server;
    clients = { zhangsan: await server.client('zhangsan'), staff1: await server.client('staff1'), admin: await server.client('admin'), province: await server.client('province') };
  };
  const theTask = async (): Promise<Task> => {
    const response = await clients.staff1.get(`/api/tasks?caseId=${kase.id}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return (response.body.tasks as Task[]).find((t) => t.kind === 'rectification') as Task;
  };
  /** Two workers at once, then one more pass: what a pass per server and a retry look like. */
  const runWorkers = async () => {
    const services = suite.server.services;
    await Promise.all([runWorkerOnce(services, { workerId: 'worker-a' }), runWorkerOnce(services, { workerId: 'worker-b' })]);
    await runWorkerOnce(services, { workerId: 'worker-a' });
  };
  const messagesOf = async (who: keyof typeof clients, prefix: string): Promise<Message[]> => {
    const response = await clients[who].get('/api/messages');
    expect(response.status).to.equal(200);
    return (response.body.messages as Message[]).filter((m) => m.title.startsWith(prefix));
  };

  before(async () => {
    await moveTo('2026-09-29T10:00:00+08:00');
    const completed = await completedPledge({ applicant: clients.zhangsan, staff: clients.staff1 });
    const rated = await act(clients.zhangsan, completed, 'evaluate', { payload: { level: 2, comment: '等待时间过长' } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    kase = rated.body;
  });

  it('given a 不满意 review on Tue 09-29, when staff list its tasks, then the rectification is due at the end of Mon 10-26 (15 working days over 国庆), neither reminded nor escalated', async () => {
    task = await theTask();
    expect(task).to.include({ status: 'open', dueAt: '2026-10-26T15:59:59.999Z', isOverdue: false, remindedAt: null, escalatedAt: null });
  });

  it('given Tue 10-20 late evening (4 working days left), when the workers run, then no reminder goes', async () => {
    await moveTo('2026-10-20T23:30:00+08:00');
    await runWorkers();
    expect(await theTask()).to.include({ remindedAt: null });
    expect(await messagesOf('admin', '催办')).to.deep.equal([]);
  });

  it('given Wed 10-21 (3 working days left), when two workers run at once and once more, then the platform admins get exactly one reminder and the task shows it', async () => {
    await moveTo('2026-10-21T08:30:00+08:00');
    await runWorkers();
    expect(await theTask()).to.include({ remindedAt: '2026-10-21T00:30:00.000Z', escalatedAt: null });
    const reminders = await messagesOf('admin', '催办');
    expect(reminders.map((m) => [m.caseId, m.title])).to.deep.equal([[kase.id, '催办：差评整改（办件 ' + kase.number + '）将于 2026-10-26 到期']]);
    expect(await messagesOf('staff1', '催办'), 'the rectification is the supervisors\' (to: supervisor)').to.deep.equal([]);
    expect(await messagesOf('province', '催办')).to.deep.equal([]);
  });

  it('given the last evening of the due date, when the workers run, then nothing is escalated and no second reminder goes', async () => {
    await moveTo('2026-10-26T23:50:00+08:00');
    await runWorkers();
    expect(await theTask()).to.include({ escalatedAt: null, isOverdue: false });
    expect(await messagesOf('admin', '催办')).to.have.length(1);
    expect(await messagesOf('admin', '督办')).to.deep.equal([]);
  });

  it('given Tue 10-27 with the task still open, when two workers run at once and once more, then it is escalated once to 绵阳\'s admins and to the province\'s', async () => {
    await moveTo('2026-10-27T09:00:00+08:00');
    await runWorkers();
    expect(await theTask()).to.include({ escalatedAt: '2026-10-27T01:00:00.000Z', isOverdue: true, status: 'open' });
    const own = await messagesOf('admin', '督办');
    expect(own.map((m) => [m.caseId, m.title])).to.deep.equal([[kase.id, `督办：差评整改（办件 ${kase.number}）已逾期`]]);
    const parent = await messagesOf('province', '督办');
    expect(parent).to.have.length(1);
    expect(parent[0]).to.include({ caseId: null });
    expect(parent[0]!.title).to.include(kase.number).and.include('的差评整改');
    expect(parent[0]!.body).to.include('2026-10-26');
    expect(await messagesOf('admin', '催办'), 'still the one reminder').to.have.length(1);
  });

  it('given the escalated task, when staff record a visit and close it, then it is done, still showing when it was reminded and escalated, and later passes send nothing', async () => {
    const visited = await clients.staff1.post(`/api/tasks/${task.id}/visits`, { note: '已电话回访，说明整改措施', outcome: 'satisfied' });
    expect(visited.status, JSON.stringify(visited.body)).to.equal(201);
    expect(visited.body).to.include({ status: 'open' });
    const closed = await clients.admin.post(`/api/tasks/${task.id}/close`, { result: '已优化排队叫号并回访' });
    expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
    expect(closed.body).to.include({ status: 'done', remindedAt: '2026-10-21T00:30:00.000Z', escalatedAt: '2026-10-27T01:00:00.000Z' });
    await moveTo('2026-11-30T09:00:00+08:00');
    await runWorkers();
    expect(await messagesOf('admin', '催办')).to.have.length(1);
    expect(await messagesOf('admin', '督办')).to.have.length(1);
    expect(await messagesOf('province', '督办')).to.have.length(1);
  });
});
