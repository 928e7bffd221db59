/**
 * 好差评 at two stages of one case and the appeal path (申诉复核) over HTTP: the applicant rates
 * while the service runs (受理评价) and after it (办结评价), once per step, with indicators;
 * staff appeal a bad review within the platform's working-day limit (across 国庆); an admin of
 * the platform upholds it (statistics leave it out, its rectification closes, the applicant is
 * told) or one of the platform above rejects it (the review and its rectification stand).
 */
import { expect } from 'chai';
import { hashPassword } from '../../server/operations/passwords.js';
import { inAppChannel } from '../../server/worker/channels/in-app.js';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { listAuditRecords } from '../../storage/audit-records.js';
import { listMessages } from '../../storage/messages.js';
import { listTasks } from '../../storage/tasks.js';
import { insertUser } from '../../storage/users.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';
import { act, acceptedPledge } from './support/pledge.js';

const STATS = '/api/statistics?from=2026-09-01&to=2026-10-31';

forEachDatabase('API: evaluations at several stages and their appeal (申诉复核)', (target) => {
  const suite = useApiSuite(target);
  const clients: Record<string, ApiClient> = {};
  let kase: any;

  /** Moves the clock; sessions expire on the same clock, so everyone signs in again. */
  const moveTo = async (instant: string) => {
    suite.server.clock.set(instant);
    for (const name of ['zhangsan', 'staff1', 'admin', 'province-platform-admin']) clients[name] = await suite.server.client(name);
  };
  const levelCounts = async () => {
    const stats = await clients['admin']!.get(STATS);
    expect(stats.status, JSON.stringify(stats.body)).to.equal(200);
    return Object.fromEntries((stats.body.total.satisfaction.levels as Array<{ level: number; count: number }>).map((l) => [l.level, l.count]));
  };
  const rectifications = async (caseId: string) => (await listTasks(suite.server.services.db.knex, { platformId: 'mianyang', caseId })).filter((t) => t.kind === 'rectification');

  before(async () => {
    // An admin of the platform above 绵阳 (the province platform), as platform-admin rather than province-admin.
    await insertUser(suite.server.services.db.knex, {
      id: 'test-province-platform-admin', username: 'province-platform-admin', displayName: '省平台管理员（测试）', platformId: 'sichuan-province',
      roles: ['platform-admin'], passwordHash: await hashPassword(DEMO_PASSWORD), createdAt: '2026-09-01T00:00:00.000Z',
    });
    await moveTo('2026-09-21T09:00:00+08:00');
    kase = await acceptedPledge({ applicant: clients['zhangsan']!, staff: clients['staff1']! });
  });

  it('given an accepted case, when zhangsan reads it, then she may give the acceptance evaluation with its four indicators', async () => {
    const view = (await clients['zhangsan']!.get(`/api/cases/${kase.id}`)).body;
    const evaluate = view.actions.find((a: { isEvaluation: boolean }) => a.isEvaluation);
    expect(evaluate).to.deep.include({ name: 'evaluateAcceptance' });
    expect(evaluate.indicators.map((i: { key: string; title: string }) => `${i.key}:${i.title}`)).to.deep.equal(['attitude:服务态度', 'efficiency:办事效率', 'quality:服务质量', 'convenience:办事便利']);
  });

  it('given invalid indicators, when zhangsan evaluates, then each is refused at its JSON path', async () => {
    const wrong = await act(clients['zhangsan']!, kase, 'evaluateAcceptance', { payload: { level: 1, indicators: { attitude: 0, speed: 5 } } });
    expect(wrong.status).to.equal(422);
    expect(wrong.body.problems.map((p: { code: string; path: string }) => `${p.code} ${p.path}`)).to.deep.equal([
      'evaluation.indicator-invalid /payload/indicators/attitude',
      'evaluation.indicator-unknown /payload/indicators/speed',
    ]);
  });

  it('given a bad acceptance review, when zhangsan rates again in the same step, then evaluation.already-given names it', async () => {
    await moveTo('2026-09-22T10:00:00+08:00');
    const rated = await act(clients['zhangsan']!, kase, 'evaluateAcceptance', { payload: { level: 1, comment: '窗口推诿', indicators: { attitude: 1, efficiency: 2 } } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    kase = rated.body;
    expect(kase).to.include({ step: 'implement', status: 'open' });
    expect(kase.actions.some((a: { isEvaluation: boolean }) => a.isEvaluation), 'no second evaluation offered').to.equal(false);
    const again = await act(clients['zhangsan']!, kase, 'evaluateAcceptance', { payload: { level: 5 } });
    expect(again.status).to.equal(409);
    expect(again.body.problems.map((p: { code: string }) => p.code)).to.deep.equal(['evaluation.already-given']);
    expect(again.body.problems[0].message).to.contain('服务实施');
  });

  it('given the case completed, when zhangsan gives the closing evaluation, then the case has two evaluations with their stages and indicators', async () => {
    await moveTo('2026-09-23T10:00:00+08:00');
    const completed = await act(clients['staff1']!, kase, 'complete', { payload: { result: '准予登记' } });
    expect(completed.status, JSON.stringify(completed.body)).to.equal(200);
    const closed = await act(clients['zhangsan']!, completed.body, 'evaluate', { payload: { level: 2, comment: '结果通知太慢', indicators: { quality: 3 } } });
    expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
    kase = closed.body;
    expect(kase.evaluations.map((e: any) => [e.step, e.stage, e.level, e.indicators])).to.deep.equal([
      ['implement', 'implement', 1, { attitude: 1, efficiency: 2 }],
      ['supervise', 'supervise', 2, { quality: 3 }],
    ]);
    const events = (await clients['staff1']!.get(`/api/cases/${kase.id}/events`)).body.events.filter((e: { type: string }) => e.type === 'case.evaluated');
    expect(events.map((e: any) => [e.data.stage, e.data.level])).to.deep.equal([['implement', 1], ['supervise', 2]]);
    expect(await rectifications(kase.id)).to.have.length(2);
    expect(await levelCounts()).to.include({ 1: 1, 2: 1 });
  });

  it('given the acceptance review, when zhangsan, a blank reason or a wrong instant appeal it, then each is refused', async () => {
    const first = kase.evaluations[0].at as string;
    expect((await clients['zhangsan']!.post(`/api/cases/${kase.id}/evaluation-appeals`, { evaluationAt: first, reason: '误评' })).status).to.equal(403);
    const blank = await clients['staff1']!.post(`/api/cases/${kase.id}/evaluation-appeals`, { evaluationAt: first, reason: '   ' });
    expect([blank.status, blank.body.problems?.map((p: { path: string }) => p.path)]).to.deep.equal([422, ['/reason']]);
    const wrong = await clients['staff1']!.post(`/api/cases/${kase.id}/evaluation-appeals`, { evaluationAt: '2026-09-22T02:00:01.000Z', reason: '误评' });
    expect([wrong.status, wrong.body.code]).to.deep.equal([422, 'evaluation.appeal-target-unknown']);
  });

  it('given staff appeal the acceptance review, when an admin upholds it, then statistics leave it out, its rectification closes and zhangsan is told', async () => {
    await moveTo('2026-09-24T10:00:00+08:00');
    const first = kase.evaluations[0].at as string;
    const filed = await clients['staff1']!.post(`/api/cases/${kase.id}/evaluation-appeals`, { evaluationAt: first, reason: '申请人误把服务态度评为非常不满意，已电话核实' });
    expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
    expect(filed.body).to.deep.include({ caseId: kase.id, level: 1, status: 'open', evaluationAt: new Date(first).toISOString(), decidedAt: null });
    const twice = await clients['staff1']!.post(`/api/cases/${kase.id}/evaluation-appeals`, { evaluationAt: first, reason: '再次申诉' });
    expect([twice.status, twice.body.code]).to.deep.equal([409, 'evaluation.already-appealed']);
    expect((await clients['admin']!.get('/api/evaluation-appeals?status=open')).body.appeals.map((a: { id: string }) => a.id)).to.deep.equal([filed.body.id]);

    expect((await clients['staff1']!.post(`/api/evaluation-appeals/${filed.body.id}/decision`, { decision: 'upheld' })).status).to.equal(403);
    const decided = await clients['admin']!.post(`/api/evaluation-appeals/${filed.body.id}/decision`, { decision: 'upheld', note: '经回访核实为误评' });
    expect(decided.status, JSON.stringify(decided.body)).to.equal(200);
    expect(decided.body).to.include({ status: 'upheld', decisionNote: '经回访核实为误评', decidedAt: '2026-09-24T02:00:00.000Z' });
    const again = await clients['admin']!.post(`/api/evaluation-appeals/${filed.body.id}/decision`, { decision: 'rejected' });
    expect([again.status, again.body.code]).to.deep.equal([409, 'evaluation.already-decided']);
    const audited = await listAuditRecords(suite.server.services.db.knex, { platformIds: ['mianyang'], action: 'POST /api/evaluation-appeals/:appealId/decision', limit: 10 });
    expect(audited.map((r) => [r.userId, r.status, r.detail])).to.deep.equal([
      ['demo-admin', 409, {}],
      ['demo-admin', 200, { appealId: filed.body.id, caseId: kase.id, decision: 'upheld' }],
      ['demo-staff1', 403, {}],
    ]);

    expect(await levelCounts()).to.include({ 1: 0, 2: 1 });
    const [upheldTask, standingTask] = (await rectifications(kase.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(upheldTask).to.include({ status: 'done', closedBy: 'demo-admin' });
    expect(upheldTask!.result).to.contain('申诉复核成立');
    expect(standingTask).to.include({ status: 'open' });

    await runWorkerOnce(suite.server.services, { workerId: 'appeal-test', channels: [inAppChannel(suite.server.services)] });
    const messages = await listMessages(suite.server.services.db.knex, { userId: 'demo-zhangsan' });
    expect(messages.map((m) => m.title)).to.include(`关于您对办件 ${kase.number} 的评价的复核结果`);
  });

  it('given staff appeal the closing review, when an admin of the platform above rejects it, then the review counts and its rectification goes on', async () => {
    await moveTo('2026-09-24T11:00:00+08:00');
    const second = kase.evaluations[1].at as string;
    const filed = await clients['staff1']!.post(`/api/cases/${kase.id}/evaluation-appeals`, { evaluationAt: second, reason: '认为评价不实' });
    expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
    const decided = await clients['province-platform-admin']!.post(`/api/evaluation-appeals/${filed.body.id}/decision`, { decision: 'rejected', note: '评价属实' });
    expect(decided.status, JSON.stringify(decided.body)).to.equal(200);
    expect(decided.body.status).to.equal('rejected');
    expect(await levelCounts()).to.include({ 1: 0, 2: 1 });
    expect((await rectifications(kase.id)).filter((t) => t.status === 'open')).to.have.length(1);
    const listed = (await clients['province-platform-admin']!.get('/api/evaluation-appeals')).body.appeals;
    expect(listed.map((a: { status: string }) => a.status)).to.deep.equal(['rejected', 'upheld']);
    const ofCase = (await clients['staff1']!.get(`/api/evaluation-appeals?caseId=${kase.id}&status=upheld`)).body.appeals;
    expect(ofCase.map((a: { evaluationAt: string }) => a.evaluationAt)).to.deep.equal([new Date(kase.evaluations[0].at).toISOString()]);
  });

  it('given bad reviews on 09-30, when staff appeal after 国庆, then 5 working days (to 10-13) decide, not calendar days', async () => {
    await moveTo('2026-09-30T09:00:00+08:00');
    const rated: any[] = [];
    for (let i = 0; i < 2; i += 1) {
      const accepted = await acceptedPledge({ applicant: clients['zhangsan']!, staff: clients['staff1']! });
      await moveTo('2026-09-30T10:00:00+08:00');
      const answer = await act(clients['zhangsan']!, accepted, 'evaluateAcceptance', { payload: { level: 2 } });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      rated.push(answer.body);
    }
    const appeal = (c: any) => clients['staff1']!.post(`/api/cases/${c.id}/evaluation-appeals`, { evaluationAt: c.evaluations[0].at, reason: '误评' });
    // 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13: the fifth working day ends 10-13 24:00 China time.
    await moveTo('2026-10-13T20:00:00+08:00');
    expect((await appeal(rated[0])).status).to.equal(201);
    await moveTo('2026-10-14T09:00:00+08:00');
    const late = await appeal(rated[1]);
    expect([late.status, late.body.code]).to.deep.equal([422, 'evaluation.appeal-too-late']);
    expect(late.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/evaluationAt']);
    expect(late.body.detail).to.contain('5个工作日');
  });
});
