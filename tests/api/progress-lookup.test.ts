/**
 * The public progress lookup (信息公示专区): each case gets a verification code at start, shown
 * to its applicant and printed on the receipt; the case number plus the code shows progress
 * and nothing personal; a wrong code answers exactly like an unknown number.
 */
import { expect } from 'chai';
import { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { CODE_ALPHABET } from '../../server/operations/verification-code.js';
import { useApiSuite } from './support/api-suite.js';
import { acceptedPledge, act, pledgeData } from './support/pledge.js';

forEachDatabase('API: public progress lookup', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let anonymous: ApiClient;
  let kase: any;

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    anonymous = new ApiClient(suite.server.url);
    kase = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    kase = (await act(staff1, kase, 'progress', { payload: { note: '已联系张三核对质押合同，电话13900000000' } })).body;
  });

  const lookUp = (number: string, code: string) => anonymous.get(`/api/progress?${new URLSearchParams({ number, code }).toString()}`);

  it('given a new case, when its applicant views it, then it carries a six-character code from the unambiguous alphabet', () => {
    expect(kase.verificationCode).to.match(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(kase.verificationCode).not.to.match(/[01OIL]/);
  });

  it('given two cases, when started, then their codes differ', async () => {
    const other = await zhangsan.post('/api/cases', { item: 'patent-pledge-registration', data: pledgeData(), action: null });
    expect(other.status).to.equal(201);
    expect(other.body.verificationCode).to.match(/^[A-Z2-9]{6}$/).and.not.to.equal(kase.verificationCode);
  });

  it('given the accepted case, when its receipt is read, then it prints the code for the lookup', async () => {
    const notices = (await zhangsan.get(`/api/cases/${kase.id}/notices`)).body.notices as Array<{ templateId: string; body: string }>;
    const receipt = notices.find((n) => n.templateId === 'acceptance-receipt');
    expect(receipt?.body).to.contain(`查询码 <strong>${kase.verificationCode}</strong>`);
  });

  it('given the number and the code, when looked up without signing in, then the item, step, due date and each action with its time come back', async () => {
    const answer = await lookUp(kase.number, kase.verificationCode);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body).to.deep.include({ number: kase.number, itemTitle: '专利权质押登记', status: 'open', stepTitle: kase.stepTitle, stage: 'implement', dueAt: kase.dueAt });
    expect(answer.body.nodes.map((n: { title: string }) => n.title)).to.deep.equal(['提交申请', '受理', '记录进度节点']);
    for (const node of answer.body.nodes) expect(Date.parse(node.at)).to.be.greaterThan(0);
  });

  it('given the lookup answer, when searched for personal data, then no name, id, phone, form value, file or note is in it', async () => {
    const text = JSON.stringify((await lookUp(kase.number, kase.verificationCode)).body);
    const personal = [
      '张三', '赵六', '13900000000', '13800000000', '11010519491231002X', '绵阳某某科技有限公司', '某银行绵阳分行', 'ZL202310123456.7',
      'demo-zhangsan', 'demo-staff1', kase.id, kase.verificationCode, ...kase.materials.flatMap((m: { files: Array<{ id: string; name: string }> }) => m.files.flatMap((f) => [f.id, f.name])),
    ];
    expect(personal.filter((value) => text.includes(value))).to.deep.equal([]);
    expect(Object.keys(JSON.parse(text)).sort()).to.deep.equal(['dueAt', 'itemTitle', 'nodes', 'number', 'stage', 'status', 'stepTitle']);
  });

  it('given the code typed in lower case with spaces, when looked up, then it still matches', async () => {
    const typed = ` ${kase.verificationCode.slice(0, 3).toLowerCase()} ${kase.verificationCode.slice(3).toLowerCase()} `;
    expect((await lookUp(kase.number, typed)).status).to.equal(200);
  });

  it('given a wrong code and an unknown number, when looked up, then both answer the same 404', async () => {
    const wrongCode = [...kase.verificationCode].map((c: string) => (c === '2' ? '3' : '2')).join('');
    const wrong = await lookUp(kase.number, wrongCode);
    const unknown = await lookUp(`${kase.number.slice(0, -4)}9999`, kase.verificationCode);
    expect(wrong.status).to.equal(404);
    expect(unknown.status).to.equal(404);
    expect(wrong.body).to.deep.equal(unknown.body);
    expect(JSON.stringify(wrong.body)).not.to.contain(kase.number);
  });

  it('given a missing code, when looked up, then 400 names it', async () => {
    const answer = await anonymous.get(`/api/progress?number=${encodeURIComponent(kase.number)}`);
    expect(answer.status).to.equal(400);
    expect(answer.body.problems[0]).to.include({ path: '/code' });
  });
});
