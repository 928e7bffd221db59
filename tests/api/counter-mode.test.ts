/**
 * Counter mode (窗口受理): staff register an application on behalf of an applicant who came to
 * the service window. The applicant gets an account without a password (it cannot sign in),
 * found again when the same person comes back; the case records the channel and the clerk.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { listNotices } from '../../storage/outbox.js';
import { getUser } from '../../storage/users.js';
import { useApiSuite } from './support/api-suite.js';
import { AGENT_PLEDGE_MATERIALS, uploadPledgeFiles } from './support/applying.js';
import { PLEDGE_ITEM, pledgeData } from './support/pledge.js';

const wangwu = { name: '王五', phone: '13700137000', idNumber: '11010519491231002x' };

forEachDatabase('API: counter mode', (target) => {
  const suite = useApiSuite(target);
  let staff1: ApiClient;
  let zhangsan: ApiClient;
  let first: any;

  before(async () => {
    staff1 = await suite.server.client('staff1');
    zhangsan = await suite.server.client('zhangsan');
  });

  const register = async (applicant: Record<string, unknown>, materials = AGENT_PLEDGE_MATERIALS) =>
    staff1.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), applicant, fileRefs: await uploadPledgeFiles(staff1, materials) });

  it('given 王五 at the window with every paper, when staff1 registers and submits for him, then the case is his, came in at the counter and waits for acceptance', async () => {
    const answer = await register(wangwu);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    first = answer.body;
    expect(first).to.include({ channel: 'counter', registeredBy: 'demo-staff1', applicantName: '王五', step: 'accept', status: 'open' });
    expect(first.applicantId).not.to.be.oneOf(['demo-staff1', 'demo-zhangsan']);
    expect(first.verificationCode).to.match(/^[A-Z2-9]{6}$/);
    const events = (await staff1.get(`/api/cases/${first.id}/events`)).body.events;
    expect(events[0]).to.deep.include({ type: 'case.created', actorId: 'demo-staff1' });
    expect(events[0].data).to.include({ channel: 'counter', applicantId: first.applicantId, registeredBy: 'demo-staff1' });
    const listed = (await staff1.get('/api/cases?view=toAccept')).body.cases.find((c: { id: string }) => c.id === first.id);
    expect(listed).to.include({ channel: 'counter', applicantName: '王五' });
  });

  it('given the account made for 王五, when looked at, then it is an applicant of 绵阳 with his phone and ID number and no password, and it cannot sign in', async () => {
    const user = await getUser(suite.server.services.db.knex, first.applicantId);
    expect(user).to.include({ platformId: 'mianyang', displayName: '王五', phone: '13700137000', idNumber: '11010519491231002X', passwordHash: null, isDemo: false });
    expect(user?.roles).to.deep.equal(['applicant']);
    const signIn = await (await suite.server.client()).post('/api/session', { username: user?.username, password: '' });
    expect(signIn.status).to.equal(400);
    const withPassword = await (await suite.server.client()).post('/api/session', { username: user?.username, password: 'Demo@2026' });
    expect(withPassword.status).to.equal(401);
  });

  it('given 王五 coming back, when registered again with the same name and phone, then the case is under the same account; another name on that phone is another person', async () => {
    const again = await register({ name: '王五', phone: '137 0013 7000' });
    expect(again.status, JSON.stringify(again.body)).to.equal(201);
    expect(again.body.applicantId).to.equal(first.applicantId);
    const family = await register({ name: '王六', phone: '13700137000' });
    expect(family.status).to.equal(201);
    expect(family.body.applicantId).not.to.equal(first.applicantId);
  });

  it('given papers missing, when registered at the counter, then the one-time notice goes to 王五 and the case waits for his supplement', async () => {
    const answer = await register(wangwu, ['applicationForm', 'pledgeContract', 'partyIdentity']);
    expect(answer.status).to.equal(201);
    expect(answer.body.step).to.equal('supplement');
    const notices = (await staff1.get(`/api/cases/${answer.body.id}/notices`)).body.notices as Array<{ templateId: string; body: string }>;
    expect(notices.map((n) => n.templateId)).to.include('one-time-notice');
    // The address is stored sealed (personal data at rest); the outbox repository opens it.
    const rows = (await listNotices(suite.server.services.db.knex, answer.body.id)).filter((r) => r.channel === 'sms');
    expect(rows.map((r) => [r.recipientUserId, r.recipientAddress])).to.deep.include([first.applicantId, '13700137000']);
  });

  it('given a wrong phone, an ID number that checks neither way and a blank name, when registered, then 422 names each field', async () => {
    const answer = await staff1.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), applicant: { name: ' ', phone: '12345', idNumber: '110105194912310021' } });
    expect(answer.status).to.equal(422);
    expect(answer.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/applicant/name', '/applicant/phone', '/applicant/idNumber']);
  });

  it('given an applicant naming someone else, or staff naming nobody, when starting a case, then 403', async () => {
    const applicant = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), applicant: wangwu });
    expect(applicant.status).to.equal(403);
    const staff = await staff1.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData() });
    expect(staff.status).to.equal(403);
    expect(staff.body.detail).to.contain('applicant');
  });

  it('given a counter case, when staff accept it, then it runs on like any other', async () => {
    const accepted = await staff1.post(`/api/cases/${first.id}/actions/accept`, { version: first.version });
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    expect(accepted.body.step).to.equal('implement');
  });
});
