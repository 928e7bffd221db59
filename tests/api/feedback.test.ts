/**
 * Feedback (投诉与建议) over HTTP with its 3-working-day answer clock: filed on 2026-09-30, just
 * before 国庆, it falls due after the holiday on the make-up working day; the expected days are
 * counted from the official calendar file here, not by the code under test. Staff answer on
 * time and late, the worker reminds once when one working day is left and flags what is
 * overdue (also with two workers at once), and the statistics count it.
 */
import { expect } from 'chai';
import { runFeedbackDeadlines } from '../../server/worker/feedback-deadlines.js';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { inAppChannel } from '../../server/worker/channels/in-app.js';
import { listMessages } from '../../storage/messages.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { zhangsanData } from './isolation/mianyang-objects.js';
import { useApiSuite } from './support/api-suite.js';
import { endOfChinaDay, workingDaysAfter } from './support/working-days.js';

interface Feedback {
  id: string;
  kind: string;
  text: string;
  status: string;
  caseId: string | null;
  caseNumber: string | null;
  itemTitle: string | null;
  applicantName: string;
  isFiledAtCounter: boolean;
  answerDueAt: string;
  answer: string | null;
  isOverdue: boolean;
  measureId: string | null;
}

const FILED_DAY = '2026-09-30';
const COMPLAINT = '窗口人员让我补交了三次材料，每次只说一项。';
const SUGGESTION = '希望周末也能网上预约。';

forEachDatabase('API: feedback (投诉与建议) answered within 3 working days', (target) => {
  const suite = useApiSuite(target, { start: `${FILED_DAY}T10:00:00+08:00` });
  let zhangsan: ApiClient;
  let lisi: ApiClient;
  let staff1: ApiClient;
  let admin: ApiClient;
  let complaint: Feedback;
  let suggestion: Feedback;
  let caseId: string;
  let walkInId: string;

  const listOf = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/feedback${query}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.feedback as Feedback[];
  };
  const workerPass = () => runWorkerOnce(suite.server.services, { workerId: 'feedback-test', channels: [inAppChannel(suite.server.services)] });

  /** Signs everyone in again: sessions run out while the clock jumps over days. */
  const signIn = async () => {
    zhangsan = await suite.server.client('zhangsan');
    lisi = await suite.server.client('lisi');
    staff1 = await suite.server.client('staff1');
    admin = await suite.server.client('admin');
  };

  before(async () => {
    await signIn();
    const started = await zhangsan.post('/api/cases', { item: 'ip-policy-consulting', data: zhangsanData, action: null });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    caseId = started.body.id;
  });

  it('given zhangsan on 2026-09-30, when she complains about her case, then it is due at the end of the 3rd working day after 国庆, counted from the calendar file', async () => {
    const filed = await zhangsan.post('/api/feedback', { kind: 'complaint', text: `  ${COMPLAINT} `, caseId, contact: 'phone' });
    expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
    complaint = filed.body;
    const dueDay = workingDaysAfter(FILED_DAY, 3);
    expect(dueDay, '10-01…10-07 off, then Thu 8, Fri 9 and the make-up Saturday 10').to.equal('2026-10-10');
    expect(complaint).to.include({ kind: 'complaint', text: COMPLAINT, status: 'open', caseId, answer: null, isOverdue: false, isFiledAtCounter: false, applicantName: '张三（演示申请人）' });
    expect(complaint.answerDueAt).to.equal(endOfChinaDay(dueDay));
    expect(complaint.caseNumber).to.be.a('string');
  });

  it('given wrong feedback, when filed, then each is refused naming the field, and nothing is stored', async () => {
    const blank = await zhangsan.post('/api/feedback', { kind: 'suggestion', text: '   ' });
    expect(blank.status).to.equal(422);
    expect(blank.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/text']);
    const long = await zhangsan.post('/api/feedback', { kind: 'suggestion', text: '长'.repeat(2001) });
    expect(long.status).to.equal(400);
    expect(long.body.problems.map((p: { path: string }) => p.path)).to.include('/text');
    const kind = await zhangsan.post('/api/feedback', { kind: 'praise', text: SUGGESTION });
    expect(kind.status).to.equal(400);
    expect(kind.body.problems.map((p: { path: string }) => p.path)).to.include('/kind');
    expect((await lisi.post('/api/feedback', { kind: 'complaint', text: COMPLAINT, caseId })).status, "another applicant's case").to.equal(404);
    const forSomeone = await zhangsan.post('/api/feedback', { kind: 'complaint', text: COMPLAINT, applicant: { name: '王五', phone: '13700137000' } });
    expect(forSomeone.status).to.equal(422);
    expect(forSomeone.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/applicant']);
    expect(await listOf(zhangsan)).to.have.length(1);
  });

  it('given staff at the counter, when they file for zhangsan\'s case or for a walk-in person, then the feedback is theirs and marked as filed at the counter', async () => {
    suite.server.clock.set(`${FILED_DAY}T11:00:00+08:00`);
    const forCase = await staff1.post('/api/feedback', { kind: 'suggestion', text: SUGGESTION, caseId });
    expect(forCase.status, JSON.stringify(forCase.body)).to.equal(201);
    suggestion = forCase.body;
    expect(suggestion).to.include({ applicantName: '张三（演示申请人）', isFiledAtCounter: true });
    suite.server.clock.set(`${FILED_DAY}T11:05:00+08:00`);
    const walkIn = await staff1.post('/api/feedback', { kind: 'complaint', text: '大厅没有饮水机。', applicant: { name: '王五', phone: '13700137000' } });
    expect(walkIn.status, JSON.stringify(walkIn.body)).to.equal(201);
    expect(walkIn.body).to.include({ applicantName: '王五', isFiledAtCounter: true, caseId: null });
    walkInId = walkIn.body.id;
    const nobody = await staff1.post('/api/feedback', { kind: 'complaint', text: COMPLAINT });
    expect(nobody.status).to.equal(422);
    expect(nobody.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/applicant']);
  });

  it('given the feedback, when each side lists it, then zhangsan sees her own, lisi none, staff the inbox earliest due first', async () => {
    expect((await listOf(zhangsan)).map((f) => f.id)).to.deep.equal([suggestion.id, complaint.id]);
    expect(await listOf(lisi)).to.deep.equal([]);
    // All three fall due on 10-10: the earliest filed comes first.
    expect((await listOf(staff1, '?status=open')).map((f) => f.id)).to.deep.equal([complaint.id, suggestion.id, walkInId]);
  });

  it('given the day before the due day, when the worker runs, then nobody is reminded yet; on the due day staff are reminded once', async () => {
    suite.server.clock.set('2026-10-09T18:00:00+08:00');
    expect(await runFeedbackDeadlines(suite.server.services)).to.deep.equal({ reminded: 0, flagged: 0 });
    suite.server.clock.set('2026-10-10T08:30:00+08:00');
    await signIn();
    expect(await runFeedbackDeadlines(suite.server.services)).to.deep.equal({ reminded: 3, flagged: 0 });
    expect(await runFeedbackDeadlines(suite.server.services)).to.deep.equal({ reminded: 0, flagged: 0 });
    await workerPass();
    const knex = suite.server.services.db.knex;
    for (const userId of ['demo-staff1', 'demo-staff2']) {
      const reminders = (await listMessages(knex, { userId })).filter((m) => m.title.includes('请尽快答复'));
      expect(reminders, userId).to.have.length(3);
    }
  });

  it('given the due day, when staff answer the complaint, then it is on time and zhangsan gets the answer in-app and on the portal', async () => {
    const answered = await staff1.post(`/api/feedback/${complaint.id}/answer`, { answer: '已对窗口人员进行一次告知培训。' });
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200);
    expect(answered.body).to.include({ status: 'answered', isOverdue: false, answer: '已对窗口人员进行一次告知培训。' });
    expect((await staff1.post(`/api/feedback/${complaint.id}/answer`, { answer: '再答一次' })).status).to.equal(409);
    expect((await lisi.post(`/api/feedback/${complaint.id}/answer`, { answer: '越权' })).status).to.equal(403);
    await workerPass();
    const messages = await listMessages(suite.server.services.db.knex, { userId: 'demo-zhangsan' });
    expect(messages.some((m) => m.title === '您的投诉已答复' && m.body.includes(COMPLAINT))).to.equal(true);
    expect((await listOf(zhangsan)).find((f) => f.id === complaint.id)).to.include({ status: 'answered', answer: '已对窗口人员进行一次告知培训。' });
  });

  it('given the day after the due day, when two workers run at once, then the open feedback is flagged overdue once and tops the inbox as 已超期', async () => {
    suite.server.clock.set('2026-10-11T09:00:00+08:00');
    await signIn();
    const services = suite.server.services;
    const [first, second] = await Promise.all([runFeedbackDeadlines(services), runFeedbackDeadlines(services)]);
    expect(first.flagged + second.flagged).to.equal(2);
    expect(first.reminded + second.reminded).to.equal(0);
    expect(await runFeedbackDeadlines(services)).to.deep.equal({ reminded: 0, flagged: 0 });
    await workerPass();
    const overdueMessages = (await listMessages(services.db.knex, { userId: 'demo-staff1' })).filter((m) => m.title.includes('已超期'));
    expect(overdueMessages).to.have.length(2);
    const inbox = await listOf(staff1);
    expect(inbox.map((f) => [f.status, f.isOverdue])).to.deep.equal([['open', true], ['open', true], ['answered', false]]);
  });

  it('given the suggestion answered a day late, when listed, then it stays marked overdue', async () => {
    const late = await staff1.post(`/api/feedback/${suggestion.id}/answer`, { answer: '网上预约已支持周末时段。' });
    expect(late.status, JSON.stringify(late.body)).to.equal(200);
    expect(late.body).to.include({ status: 'answered', isOverdue: true });
  });

  it('given the period, when the admin reads the statistics, then three were received, two answered and one on time', async () => {
    const answer = await admin.get('/api/statistics?from=2026-09-01&to=2026-10-31');
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.total.feedback).to.deep.equal({ received: 3, answered: 2, answeredOnTime: 1, onTimeRate: 1 / 3 });
    const before = await admin.get('/api/statistics?from=2026-09-01&to=2026-09-29');
    expect(before.body.total.feedback).to.deep.equal({ received: 0, answered: 0, answeredOnTime: 0, onTimeRate: null });
  });
});
