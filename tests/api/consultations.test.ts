/**
 * Consultations (服务咨询) and the FAQ handbook (咨询问答手册) over HTTP: an applicant asks, staff
 * answer (the asker gets an in-app message), staff promote the answer into the public handbook
 * in their own wording, the platform admin removes an entry.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { useApiSuite } from './support/api-suite.js';

interface Consultation {
  id: string;
  itemId: string | null;
  itemTitle: string | null;
  question: string;
  status: string;
  answer: string | null;
  answeredAt: string | null;
  askerName: string;
  faqId: string | null;
}

const QUESTION = '我公司的专利质押登记需要双方当事人都到场吗？';
const GENERAL_QUESTION = '平台周六是否办公？';
const ANSWER = '不需要到场，网上提交申请即可；委托办理的请上传委托书。';

forEachDatabase('API: consultations and the FAQ handbook', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let lisi: ApiClient;
  let staff1: ApiClient;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let asked: Consultation;
  let general: Consultation;

  const consultationsOf = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/consultations${query}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.consultations as Consultation[];
  };

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    lisi = await suite.server.client('lisi');
    staff1 = await suite.server.client('staff1');
    admin = await suite.server.client('admin');
    anonymous = await suite.server.client();
  });

  it('given zhangsan signed in, when she asks about an item and then in general, then both are open and labelled', async () => {
    const first = await zhangsan.post('/api/consultations', { itemId: 'patent-pledge-registration', question: `  ${QUESTION}  ` });
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    asked = first.body;
    expect(asked).to.include({ itemId: 'patent-pledge-registration', itemTitle: '专利权质押登记', question: QUESTION, status: 'open', answer: null, askerName: '张三（演示申请人）', faqId: null });

    suite.server.clock.set('2026-09-21T09:30:00+08:00');
    const second = await zhangsan.post('/api/consultations', { question: GENERAL_QUESTION });
    expect(second.status, JSON.stringify(second.body)).to.equal(201);
    general = second.body;
    expect(general).to.include({ itemId: null, itemTitle: null, status: 'open' });
  });

  it('given a question about an unknown item, a blank one or an empty one, when asked, then each is refused and nothing is stored', async () => {
    const unknown = await zhangsan.post('/api/consultations', { itemId: 'no-such-item', question: QUESTION });
    expect(unknown.status).to.equal(404);
    const blank = await zhangsan.post('/api/consultations', { question: '   ' });
    expect(blank.status).to.equal(422);
    expect(blank.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/question']);
    expect((await zhangsan.post('/api/consultations', { question: '' })).status).to.equal(400);
    expect((await zhangsan.post('/api/consultations', { question: QUESTION, platformId: 'deyang' })).status).to.equal(400);
    expect(await consultationsOf(zhangsan)).to.have.length(2);
  });

  it('given staff, when they ask, then they are refused: consultations are the applicants\'', async () => {
    expect((await staff1.post('/api/consultations', { question: QUESTION })).status).to.equal(403);
  });

  it('given the two questions, when each side lists them, then zhangsan sees hers newest first, lisi none, staff the platform\'s open ones', async () => {
    expect((await consultationsOf(zhangsan)).map((c) => c.id)).to.deep.equal([general.id, asked.id]);
    expect(await consultationsOf(lisi)).to.deep.equal([]);
    const open = await consultationsOf(staff1, '?status=open');
    expect(open.map((c) => c.id)).to.have.members([asked.id, general.id]);
    expect(await consultationsOf(staff1, '?status=answered')).to.deep.equal([]);
  });

  it('given an open question, when an applicant tries to answer it, then it is refused', async () => {
    expect((await zhangsan.post(`/api/consultations/${asked.id}/answer`, { answer: ANSWER })).status).to.equal(403);
  });

  it('given an open question, when promoted to the handbook before it is answered, then it is refused with a conflict', async () => {
    const early = await staff1.post(`/api/consultations/${asked.id}/faq`, {});
    expect(early.status).to.equal(409);
    expect(early.body.code).to.equal('consultation.not-answered');
  });

  it('given an open question, when staff1 answers it, then it is answered once and a second answer is refused', async () => {
    const answered = await staff1.post(`/api/consultations/${asked.id}/answer`, { answer: ANSWER });
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200);
    expect(answered.body).to.include({ status: 'answered', answer: ANSWER });
    expect(answered.body.answeredAt).to.equal(new Date('2026-09-21T09:30:00+08:00').toISOString());

    const again = await staff1.post(`/api/consultations/${asked.id}/answer`, { answer: '另一种答复' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('consultation.already-answered');
    expect((await consultationsOf(zhangsan)).find((c) => c.id === asked.id)).to.include({ status: 'answered', answer: ANSWER });
    expect((await consultationsOf(staff1, '?status=open')).map((c) => c.id)).to.deep.equal([general.id]);
    expect((await consultationsOf(staff1, '?status=answered')).map((c) => c.id)).to.deep.equal([asked.id]);
  });

  it('given the answer, when the worker runs, then zhangsan has an in-app message with her question and the answer', async () => {
    await runWorkerOnce(suite.server.services, { workerId: 'consultation-worker' });
    const messages = (await zhangsan.get('/api/messages')).body.messages as Array<{ title: string; body: string; caseId: string | null }>;
    const answered = messages.filter((m) => m.title === '您的咨询已答复');
    expect(answered).to.have.length(1);
    expect(answered[0]!.body).to.contain(QUESTION).and.contain(ANSWER);
    expect(answered[0]!.caseId).to.equal(null);
    expect(((await lisi.get('/api/messages')).body.messages as Array<{ title: string }>).map((m) => m.title)).not.to.include('您的咨询已答复');
  });

  it('given the answered question, when staff1 promotes it in other words, then the handbook shows that wording and no asker', async () => {
    const promoted = await staff1.post(`/api/consultations/${asked.id}/faq`, { question: '办理专利权质押登记，双方当事人须到场吗？' });
    expect(promoted.status, JSON.stringify(promoted.body)).to.equal(201);
    expect(promoted.body).to.include({ itemId: 'patent-pledge-registration', itemTitle: '专利权质押登记', question: '办理专利权质押登记，双方当事人须到场吗？', answer: ANSWER });
    expect((await consultationsOf(staff1, '?status=answered'))[0]!.faqId).to.equal(promoted.body.id);

    const handbook = await anonymous.get('/api/platforms/mianyang/faq');
    expect(handbook.status).to.equal(200);
    expect(handbook.body.entries).to.deep.equal([promoted.body]);
    const text = JSON.stringify(handbook.body);
    for (const secret of [QUESTION, '张三', asked.id, 'demo-zhangsan']) expect(text).not.to.contain(secret);
  });

  it('given the entry, when promoted again, then it is refused and the handbook keeps one entry', async () => {
    const again = await admin.post(`/api/consultations/${asked.id}/faq`, { answer: '改写的答复' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('consultation.already-promoted');
    expect((await anonymous.get('/api/platforms/mianyang/faq')).body.entries).to.have.length(1);
  });

  it('given the handbook, when filtered by item or read for other platforms, then it holds only what belongs there', async () => {
    expect((await anonymous.get('/api/platforms/mianyang/faq?itemId=patent-pledge-registration')).body.entries).to.have.length(1);
    expect((await anonymous.get('/api/platforms/mianyang/faq?itemId=ip-policy-consulting')).body.entries).to.deep.equal([]);
    const province = await anonymous.get('/api/platforms/sichuan-province/faq');
    expect(province.status).to.equal(200);
    expect(province.body.entries).to.deep.equal([]);
    expect((await anonymous.get('/api/platforms/no-such-platform/faq')).status).to.equal(404);
  });

  it('given the entry, when staff try to remove it, then only the platform admin may, and only once', async () => {
    const entry = (await anonymous.get('/api/platforms/mianyang/faq')).body.entries[0];
    expect((await staff1.delete(`/api/faq/${entry.id}`)).status).to.equal(403);
    expect((await admin.delete(`/api/faq/${entry.id}`)).status).to.equal(204);
    expect((await admin.delete(`/api/faq/${entry.id}`)).status).to.equal(404);
    expect((await anonymous.get('/api/platforms/mianyang/faq')).body.entries).to.deep.equal([]);
    expect((await consultationsOf(staff1, '?status=answered'))[0]!.faqId).to.equal(null);
  });
});
