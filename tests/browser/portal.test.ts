/**
 * The portal in a real browser, end to end with the seeded server: zhangsan applies for
 * 专利权质押登记 through the UI with the agent's identity paper missing and gets the one-time
 * notice naming it; supplements; staff (over HTTP) accept, record progress and complete; she
 * rates the case and sees the reply. A draft saved and resumed keeps its data and files; the
 * public lookup shows progress and no personal data; a consultation shows with its answer, and
 * the FAQ handbook lists what staff promoted.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { act, allOk, pledgeData, pledgeFiles, tinyPdf } from '../api/support/pledge.js';
import { choose } from './steps/definitions.js';
import { describeBrowser, screenshot, useStudio } from './support/studio.js';
import {
  applyFor,
  evaluate,
  fillApplication,
  lookUpProgress,
  openMyCase,
  signInToPortal,
  supplement,
  uploadMaterial,
} from './steps/portal.js';

const PLEDGE = 'patent-pledge-registration';
/** What the public must never see of zhangsan's application. */
const PERSONAL = ['张三', '13900000000', '绵阳某某科技有限公司', '赵六', '11010519491231002X'];

describeBrowser('portal: apply, follow, supplement, rate, look up, ask', () => {
  const studio = useStudio();
  let staff1: ApiClient;
  let kase: { id: string; number: string; code: string };

  const staffView = async () => (await staff1.get(`/api/cases/${kase.id}`)).body as { id: string; version: number; materials: Array<{ key: string; files: unknown[] }> };

  before(async () => {
    staff1 = await studio.server.client('staff1');
  });

  it('sends a signed-out visitor from the guide\'s 在线申请 to the login page and back to the apply page', async () => {
    const { page } = studio;
    await page.goto(`/guide/mianyang/${PLEDGE}`);
    await page.getByTestId('apply-online').click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill('zhangsan');
    await page.getByLabel('密码').fill('Demo@2026');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/portal/apply/${PLEDGE}$`));
    await page.getByTestId('application-form').getByLabel('出质人名称（姓名）').waitFor();
    expect(await page.getByTestId('material-applicationForm').innerText()).to.contain('必交');
  });

  it('given the agent\'s identity paper left out, when zhangsan submits, then the one-time notice names only that paper', async () => {
    const { page } = studio;
    await fillApplication(page, PLEDGE, { data: pledgeData(), files: pledgeFiles({ hasAgentIdentity: false }) });
    // 委托代理 makes the agent's papers required as she fills the form in.
    expect(await page.getByTestId('material-agentIdentity').innerText()).to.contain('必交');
    await page.getByTestId('materials').evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }));
    await screenshot(page, 'portal-apply');
    await page.getByTestId('submit-application').click();
    await page.getByTestId('submitted').waitFor();
    const notice = page.frameLocator('[data-testid="notice-one-time-notice"] iframe');
    await notice.getByText('一次性告知书', { exact: true }).waitFor();
    const rows = await notice.locator('table tr').allInnerTexts();
    const listed = rows.slice(1);
    expect(listed).to.have.length(1);
    expect(listed[0]).to.contain('被委托人身份证明');
    kase = {
      id: '',
      number: await page.getByTestId('case-number').innerText(),
      code: await page.getByTestId('verification-code').innerText(),
    };
    expect(kase.code).to.match(/^[A-Z0-9]{6}$/);
    await page.getByTestId('print-notice').waitFor();
    await screenshot(page, 'portal-one-time-notice');
  });

  it('given the case in supplement, when zhangsan uploads the missing paper and resubmits, then it moves on to acceptance', async () => {
    const { page } = studio;
    await openMyCase(page, kase.number);
    kase.id = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await page.getByTestId('case-step').innerText()).to.equal('补正材料');
    await page.getByTestId('case-notices').getByText(/一次性告知书/).waitFor();
    await supplement(page, { agentIdentity: [tinyPdf('被委托人身份证.pdf')] });
    await page.getByTestId('case-step').filter({ hasText: '申请受理' }).waitFor();
    await page.getByTestId('progress-nodes').getByText('提交补正材料').waitFor();
  });

  it('given staff accept, record progress and complete, when zhangsan opens the case, then she sees each node and the receipt', async () => {
    const { page } = studio;
    let view = await staffView();
    view = (await act(staff1, view, 'accept', { verdicts: allOk(view) })).body;
    view = (await act(staff1, view, 'progress', { payload: { note: '已核验专利法律状态' } })).body;
    await openMyCase(page, kase.number);
    await page.getByTestId('case-step').filter({ hasText: '服务实施' }).waitFor();
    await page.getByTestId('progress-nodes').getByText('已核验专利法律状态').waitFor();
    await page.getByTestId('case-notices').getByText(/受理/).first().waitFor();
    expect(await page.getByTestId('verification-code').innerText()).to.equal(kase.code);
    await screenshot(page, 'portal-my-case');
    view = (await act(staff1, view, 'complete', { payload: { result: '准予登记' } })).body;
    expect((view as unknown as { step: string }).step).to.equal('supervise');
  });

  it('given the case finished, when zhangsan rates it 不满意 with a comment, then she sees her evaluation and later the platform\'s reply', async () => {
    const { page } = studio;
    await openMyCase(page, kase.number);
    await evaluate(page, { level: '不满意', comment: '进度通知不及时' });
    await page.getByTestId('case-status').filter({ hasText: '已办结' }).waitFor();
    expect(await page.getByTestId('evaluation').innerText()).to.contain('不满意');
    const replied = await staff1.post(`/api/cases/${kase.id}/evaluation-reply`, { text: '已整改：办理节点将短信通知', version: (await staff1.get(`/api/cases/${kase.id}`)).body.version });
    expect(replied.status, JSON.stringify(replied.body)).to.equal(200);
    await page.reload();
    await page.getByTestId('evaluation-reply').filter({ hasText: '已整改：办理节点将短信通知' }).waitFor();
  });

  it('shows the public the progress of a case by number and code, and none of the applicant\'s data', async () => {
    const { browser, server } = studio;
    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      expect(await (await lookUpProgress(page, { number: kase.number, code: 'WRONG1' })).count()).to.equal(0);
      await page.getByTestId('progress-not-found').waitFor();
      const found = await lookUpProgress(page, kase);
      await found.getByText('专利权质押登记').first().waitFor();
      expect(await found.getByTestId('progress-node').count()).to.be.greaterThan(2);
      const text = await page.locator('body').innerText();
      for (const personal of PERSONAL) expect(text, `public page shows "${personal}"`).not.to.contain(personal);
      await screenshot(page, 'portal-progress-lookup');
      await page.getByTestId('language-switch').click();
      await found.getByText('Completed').waitFor();
      await page.getByRole('heading', { name: 'Case progress lookup' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('keeps a saved draft\'s data and uploaded files when the applicant comes back, and refuses a wrong file type at its material', async () => {
    const { page } = studio;
    await fillApplication(page, PLEDGE, {
      data: { pledgorName: '绵阳草稿科技有限公司', pledgeeName: '某银行绵阳分行' },
      files: { applicationForm: [tinyPdf('草稿申请表.pdf')] },
    });
    await page.getByTestId('upload-pledgeContract').setInputFiles({ name: '合同.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await page.getByTestId('material-error-pledgeContract').filter({ hasText: 'pdf' }).waitFor();
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-saved-at').waitFor();

    await page.goto('/portal/cases');
    await page.getByTestId('my-drafts').getByRole('link', { name: '专利权质押登记' }).click();
    const form = page.getByTestId('application-form');
    await page.getByTestId('uploaded-applicationForm').filter({ hasText: '草稿申请表.pdf' }).waitFor();
    expect(await form.getByLabel('出质人名称（姓名）').inputValue()).to.equal('绵阳草稿科技有限公司');
    expect(await form.getByLabel('质权人名称').inputValue()).to.equal('某银行绵阳分行');
    expect(await page.getByTestId('uploaded-pledgeContract').count()).to.equal(0);
    await uploadMaterial(page, 'pledgeContract', [tinyPdf('合同.pdf')]);
  });

  it('withdraws an application on confirmation', async () => {
    const { page } = studio;
    const second = await applyFor(page, PLEDGE, { data: pledgeData({ isAgent: false }), files: pledgeFiles({ hasAgentIdentity: false }) });
    await openMyCase(page, second.number);
    await page.getByTestId('withdraw').click();
    await page.getByTestId('confirm-withdraw').click();
    await page.getByTestId('case-status').filter({ hasText: '已撤回' }).waitFor();
  });

  it('lists a consultation zhangsan asks with its answer, and the FAQ handbook finds what staff promoted', async () => {
    const { page } = studio;
    await page.goto('/portal/consultations');
    await choose(page.getByLabel('咨询事项（选填）'), '专利权质押登记');
    await page.getByLabel('咨询内容').fill('质押登记需要提供评估报告吗？');
    await page.getByTestId('ask').click();
    const mine = page.getByTestId('my-consultations').getByTestId('consultation').filter({ hasText: '质押登记需要提供评估报告吗？' });
    await mine.getByText('待答复').waitFor();

    const open = (await staff1.get('/api/consultations?status=open')).body.consultations as Array<{ id: string; question: string }>;
    const asked = open.find((c) => c.question === '质押登记需要提供评估报告吗？')!;
    expect((await staff1.post(`/api/consultations/${asked.id}/answer`, { answer: '申请表注明有评估报告的须提交，否则不需要。' })).status).to.equal(200);
    expect((await staff1.post(`/api/consultations/${asked.id}/faq`, {})).status).to.equal(201);
    await page.reload();
    await mine.getByTestId('consultation-answer').filter({ hasText: '否则不需要' }).waitFor();

    await page.goto('/faq');
    const group = page.getByTestId('faq-group').filter({ hasText: '专利权质押登记' });
    await group.getByTestId('faq-question').filter({ hasText: '质押登记需要提供评估报告吗？' }).click();
    await group.getByText('否则不需要').waitFor();
    await page.getByLabel('搜索问题或答案').fill('没有这样的问题');
    await page.getByTestId('faq-question').first().waitFor({ state: 'detached' });
  });
});
