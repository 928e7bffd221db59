/**
 * The service flow end to end, each person in their own browser: zhangsan applies for
 * 专利权质押登记 with the agent's identity paper missing and gets the one-time notice, then
 * supplements; staff1 accepts, records two progress nodes and completes at the desk; zhangsan
 * sees each change and rates the case 不满意; staff1 finds the rectification task; the public
 * lookup shows the progress and none of zhangsan's personal data.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { pledgeData, pledgeFiles, tinyPdf } from '../api/support/pledge.js';
import { acceptCase, completeCase, judgeMaterial, openInboxCase, recordProgress } from './steps/desk.js';
import { evaluate, fillApplication, lookUpProgress, openMyCase, submitApplication, supplement } from './steps/portal.js';
import { describeBrowser, openAnotherPage, screenshot, useStudio } from './support/studio.js';

const PLEDGE = 'patent-pledge-registration';
const NODES = ['已核验专利法律状态', '已向国家知识产权局提交质押登记'];
const RESULT = '准予登记，已送达《专利权质押登记通知书》';

describeBrowser('service journey: apply, one-time notice, supplement, accept, progress, complete, rate, look up', () => {
  const studio = useStudio({ signInAs: 'zhangsan' });
  let desk: { page: Page; errors: string[]; close(): Promise<void> };
  let kase: { number: string; code: string };

  before(async () => {
    desk = await openAnotherPage(studio, 'staff1');
  });
  after(async () => desk?.close());
  afterEach(() => expect(desk.errors.splice(0), 'errors in the desk page').to.deep.equal([]));

  it('zhangsan applies with the agent\'s identity paper missing and gets the one-time notice naming it', async () => {
    const { page } = studio;
    await fillApplication(page, PLEDGE, { data: pledgeData(), files: pledgeFiles({ hasAgentIdentity: false }) });
    kase = await submitApplication(page);
    const notice = page.frameLocator('[data-testid="notice-one-time-notice"] iframe');
    await notice.getByText('一次性告知书', { exact: true }).waitFor();
    const missing = (await notice.locator('table tr').allInnerTexts()).slice(1);
    expect(missing).to.have.length(1);
    expect(missing[0]).to.contain('被委托人身份证明');
  });

  it('zhangsan supplements the paper and the case moves on to acceptance', async () => {
    const { page } = studio;
    await openMyCase(page, kase.number);
    await supplement(page, { agentIdentity: [tinyPdf('被委托人身份证.pdf')] });
    await page.getByTestId('case-step').filter({ hasText: '申请受理' }).waitFor();
  });

  it('staff1 accepts at the desk, records two progress nodes and completes', async () => {
    const { page } = desk;
    await openInboxCase(page, kase.number, 'toAccept');
    await judgeMaterial(page, '被委托人身份证明', '合格');
    expect(await acceptCase(page)).to.contain(kase.number);
    for (const note of NODES) await recordProgress(page, note);
    expect(await completeCase(page, RESULT)).to.contain(kase.number);
  });

  it('zhangsan sees every change on her case and rates it 不满意', async () => {
    const { page } = studio;
    await openMyCase(page, kase.number);
    const nodes = page.getByTestId('progress-nodes');
    for (const note of NODES) await nodes.getByText(note).waitFor();
    await page.getByTestId('case-notices').getByText(/受理/).first().waitFor();
    await page.getByTestId('case-notices').getByText(/结果/).first().waitFor();
    await evaluate(page, { level: '不满意', comment: '办理进度通知不及时' });
    expect(await page.getByTestId('evaluation').innerText()).to.contain('不满意');
  });

  it('staff1 finds the rectification task of the bad review with its deadline', async () => {
    const { page } = desk;
    await page.goto('/desk/reviews');
    const task = page.getByTestId(`task-${kase.number}`);
    await task.getByText('办理进度通知不及时').waitFor();
    expect(await task.getByTestId('task-due').innerText()).to.match(/\d{4}-\d{2}-\d{2}/);
  });

  it('the public lookup shows the progress and none of zhangsan\'s personal data', async () => {
    const visitor = await studio.browser.newContext({ baseURL: studio.server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    try {
      const page = await visitor.newPage();
      const result = await lookUpProgress(page, kase);
      const text = await result.innerText();
      expect(text).to.contain(kase.number);
      for (const note of ['受理', '办结']) expect(text).to.contain(note);
      const data = pledgeData() as Record<string, unknown>;
      const personal = ['张三', '13800138000', ...['pledgorName', 'agentName', 'agentIdNumber', 'agentPhone', 'contactPhone'].map((k) => String(data[k] ?? '')).filter((v) => v !== '')];
      const page_ = await page.content();
      for (const value of personal) expect(page_, `the public page shows ${value}`).not.to.contain(value);
      await screenshot(page, 'journey-progress-lookup');
    } finally {
      await visitor.close();
    }
  });
});
