/**
 * The platform's reply to an evaluation (好差评 回复) over HTTP: refused before there is an
 * evaluation, recorded once on the case's timeline, shown with the evaluation in the case view,
 * and sent to the applicant as an in-app message. Two staff replying at once: one wins.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { useApiSuite } from './support/api-suite.js';
import { act, completedPledge } from './support/pledge.js';

const REPLY = '感谢您的反馈。我们已核实通知延迟的原因，并已调整短信通知流程。';

forEachDatabase('API: replying to an evaluation', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let staff2: ApiClient;
  let kase: any;

  /** Moves the clock; sessions expire on the same clock, so everyone signs in again. */
  const moveTo = async (instant: string) => {
    suite.server.clock.set(instant);
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    staff2 = await suite.server.client('staff2');
  };

  before(async () => {
    await moveTo('2026-09-21T09:00:00+08:00');
    kase = await completedPledge({ applicant: zhangsan, staff: staff1 });
  });

  it('given a completed case not yet rated, when staff reply, then there is nothing to reply to', async () => {
    expect(kase.evaluation).to.equal(null);
    const early = await staff1.post(`/api/cases/${kase.id}/evaluation-reply`, { text: REPLY, version: kase.version });
    expect(early.status).to.equal(409);
    expect(early.body.code).to.equal('evaluation.not-evaluated');
  });

  it('given an evaluation level out of the five, when given, then it is refused as invalid (not a server error)', async () => {
    const wrong = await act(zhangsan, kase, 'evaluate', { payload: { level: 7 } });
    expect(wrong.status).to.equal(422);
    expect(wrong.body.problems.map((p: { path: string }) => p.path)).to.include('/payload/level');
  });

  it('given zhangsan rates the case 不满意, when she reads it, then the case view carries her evaluation without a reply', async () => {
    await moveTo('2026-09-22T10:00:00+08:00');
    const rated = await act(zhangsan, kase, 'evaluate', { payload: { level: 2, comment: '办理进度通知不及时' } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    kase = rated.body;
    expect(kase.evaluation).to.deep.equal({ level: 2, comment: '办理进度通知不及时', at: '2026-09-22T02:00:00.000Z', reply: null });
  });

  it('given the evaluation, when zhangsan or a blank text replies, then both are refused', async () => {
    expect((await zhangsan.post(`/api/cases/${kase.id}/evaluation-reply`, { text: REPLY, version: kase.version })).status).to.equal(403);
    const blank = await staff1.post(`/api/cases/${kase.id}/evaluation-reply`, { text: '  ', version: kase.version });
    expect(blank.status).to.equal(422);
    expect(blank.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/text']);
    expect((await staff1.post(`/api/cases/${kase.id}/evaluation-reply`, { text: REPLY, version: kase.version, level: 5 })).status).to.equal(400);
  });

  it('given the evaluation, when staff1 replies an hour later, then the reply is on the case, its timeline and a new version', async () => {
    await moveTo('2026-09-22T11:00:00+08:00');
    const replied = await staff1.post(`/api/cases/${kase.id}/evaluation-reply`, { text: `  ${REPLY}\n`, version: kase.version });
    expect(replied.status, JSON.stringify(replied.body)).to.equal(200);
    expect(replied.body.version).to.equal(kase.version + 1);
    expect(replied.body.evaluation).to.deep.equal({
      level: 2,
      comment: '办理进度通知不及时',
      at: '2026-09-22T02:00:00.000Z',
      reply: { text: REPLY, at: '2026-09-22T03:00:00.000Z', by: 'demo-staff1' },
    });
    expect(replied.body).to.include({ status: 'completed', step: 'closed' });

    const events = (await zhangsan.get(`/api/cases/${kase.id}/events`)).body.events as Array<{ type: string; actorId: string; data: Record<string, unknown> }>;
    const last = events.at(-1)!;
    expect(last).to.deep.include({ type: 'case.evaluation-replied', actorId: 'demo-staff1' });
    expect(last.data).to.deep.equal({ text: REPLY, evaluationAt: '2026-09-22T02:00:00.000Z', level: 2 });
    kase = replied.body;
  });

  it('given the reply, when zhangsan reads her case and messages, then she sees it', async () => {
    expect((await zhangsan.get(`/api/cases/${kase.id}`)).body.evaluation.reply.text).to.equal(REPLY);
    await runWorkerOnce(suite.server.services, { workerId: 'reply-worker' });
    const messages = (await zhangsan.get('/api/messages')).body.messages as Array<{ title: string; body: string; caseId: string }>;
    const reply = messages.filter((m) => m.caseId === kase.id && m.title.includes('对您评价的回复'));
    expect(reply).to.have.length(1);
    expect(reply[0]!.title).to.contain(kase.number);
    expect(reply[0]!.body).to.equal(REPLY);
    const notices = (await zhangsan.get(`/api/cases/${kase.id}/notices`)).body.notices as Array<{ purpose: string; body: string }>;
    expect(notices.filter((n) => n.purpose === 'evaluation-reply').map((n) => n.body)).to.deep.equal([REPLY]);
  });

  it('given the reply, when staff2 replies again, then it is refused and the first reply stands', async () => {
    const again = await staff2.post(`/api/cases/${kase.id}/evaluation-reply`, { text: '第二条回复', version: kase.version });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('evaluation.already-replied');
    const events = (await staff1.get(`/api/cases/${kase.id}/events`)).body.events as Array<{ type: string }>;
    expect(events.filter((e) => e.type === 'case.evaluation-replied')).to.have.length(1);
  });

  it('given another rated case, when staff1 and staff2 reply at the same moment, then exactly one reply is recorded and the other gets a conflict', async () => {
    const other = await completedPledge({ applicant: zhangsan, staff: staff1 });
    const rated = await act(zhangsan, other, 'evaluate', { payload: { level: 1 } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    expect(rated.body.evaluation).to.include({ level: 1, comment: null });
    const answers = await Promise.all([
      staff1.post(`/api/cases/${other.id}/evaluation-reply`, { text: '王敏的回复', version: rated.body.version }),
      staff2.post(`/api/cases/${other.id}/evaluation-reply`, { text: '李强的回复', version: rated.body.version }),
    ]);
    expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 409]);
    const events = (await staff1.get(`/api/cases/${other.id}/events`)).body.events as Array<{ type: string; data: { text: string } }>;
    const replies = events.filter((e) => e.type === 'case.evaluation-replied');
    expect(replies).to.have.length(1);
    const winner = answers.find((a) => a.status === 200)!;
    expect(winner.body.evaluation.reply.text).to.equal(replies[0]!.data.text);
  });
});
